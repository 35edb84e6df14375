/**
 * The drafts waiting for the signed-in reviewer, most urgent first: the head's signature, or
 * the sector head's visa where the regulation has the sector head's check. Each draft is shown
 * in full — the decision, every refusal ground in the regulation's words, who drafted it and
 * when, the executor the head named, the visa where given — with the signature (or the visa)
 * after a confirmation that repeats the decision, and the send-back for rework beside it.
 */
import { useTranslation } from 'react-i18next';
import type { DatedCase } from '../../db/deadlines';
import { draftsAwaiting } from '../../db/desk';
import { useLive } from '../../db/useLive';
import { processOf } from '../../domain/case/reducer';
import { shortName } from '../../domain/names';
import { actionsFor } from '../../domain/process';
import type { StaffRole } from '../../domain/roles';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { useCatalog } from '../app/useReference';
import { EndorseForm } from '../case/actions/EndorseForm';
import { SendBackForm } from '../case/actions/SendBackForm';
import { SignForm } from '../case/actions/SignForm';
import { CaseLine } from './CaseLine';

type Review = 'case.signed' | 'case.endorsed';

/** Which review the role gives: the head signs, the sector head endorses. */
const REVIEW_OF: Partial<Record<StaffRole, Review>> = {
  district_head: 'case.signed',
  district_sector_head: 'case.endorsed',
};

export function ReviewQueue() {
  const role = useSession((s) => s.staff?.role);
  const review = role ? REVIEW_OF[role] : undefined;
  if (!role || !review) return null;
  return <Queue role={role} review={review} />;
}

function Queue({ role, review }: { role: StaffRole; review: Review }) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const now = useNow();
  const drafts = useLive(() => draftsAwaiting(db, review, now), [review, now]);
  const list = (drafts.data ?? []).filter((d) =>
    actionsFor(processOf(d.row), d.row, role).some((a) => a.type === review),
  );
  const title = review === 'case.signed' ? t('district.toSign') : t('district.toEndorse');
  return (
    <section aria-labelledby="desk-review" className="desk-part">
      <h2 id="desk-review">
        {title} ({list.length})
      </h2>
      {drafts.status === 'ready' && list.length === 0 && (
        <p className="hint">{t('desk.noDrafts')}</p>
      )}
      {list.map((d) => (
        <DraftCard key={d.row.id} dated={d} review={review} />
      ))}
    </section>
  );
}

function DraftCard({ dated, review }: { dated: DatedCase; review: Review }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const c = dated.row;
  const catalog = useCatalog(c.catalogVersion);
  const service = catalog?.services.find((s) => s.id === c.serviceId);
  const executor = useLive(
    async () => (c.executorId ? db.people.get(c.executorId) : undefined),
    [c.executorId],
  );
  const office = useLive(() => db.offices.get(c.officeId), [c.officeId]);
  const props = { caseRow: c, process: processOf(c), service };
  return (
    <article aria-label={c.regNumber} className="desk-draft">
      <p>
        <CaseLine dated={dated} />
      </p>
      <p className="hint">
        {office.data ? loc(office.data.name) : c.officeId}
        {executor.data && ` · ${t('desk.executor')}: ${shortName(executor.data)}`}
      </p>
      {review === 'case.signed' ? <SignForm {...props} /> : <EndorseForm {...props} />}
      <SendBackForm {...props} />
    </article>
  );
}
