/**
 * One service as its regulation has it: channels with their steps and durations, the
 * documents, results, fee, refusal grounds and special rules, and the seeds' own contradictions —
 * each with the seed lines it comes from, so a specialist can show a citizen the source.
 */
import { useTranslation } from 'react-i18next';
import { findAct } from '../../domain/catalog';
import { CHANNEL_KINDS, type SeedRef, type Service } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';
import { ChannelSteps } from './ChannelSteps';

export const lines = (ref: SeedRef) => `${ref.seed}:${ref.lines[0]}–${ref.lines[1]}`;

export function ServiceDetails({ service: s }: { service: Service }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const act = findAct(s.actId);
  const refusal = s.refusalGrounds;

  return (
    <>
      <p className="hint">
        {act && `${loc(act.issuer)}, № ${act.number}, ${act.date}`} —{' '}
        {s.source.paragraph && `${t('catalog.paragraph', { n: s.source.paragraph })}, `}
        {lines(s.source)}
      </p>
      <p>
        {t('catalog.provider')}: {loc(s.provider.text)}
      </p>
      {CHANNEL_KINDS.map((kind) => {
        const channel = s.channels[kind];
        return channel ? <ChannelSteps key={kind} kind={kind} channel={channel} /> : null;
      })}
      <h3>{t('intake.documents')}</h3>
      {s.checklist.kind === 'per_standard' && (
        <p>{t('intake.perStandard', { reference: loc(s.checklist.reference) })}</p>
      )}
      <ul>
        {(s.checklist.documents ?? []).map((d) => (
          <li key={d.id}>
            {loc(d.name)} {d.condition && <span className="hint">({loc(d.condition)})</span>}
          </li>
        ))}
      </ul>
      <h3>{t('catalog.results')}</h3>
      <ul>
        {s.results.map((r) => (
          <li key={lines(r.source) + r.text.kk}>
            {loc(r.text)} <span className="hint">{lines(r.source)}</span>
          </li>
        ))}
      </ul>
      <p>
        {t('catalog.fee')}:{' '}
        {s.fee.kind === 'free'
          ? t('catalog.free')
          : s.fee.kind === 'paid'
            ? loc(s.fee.text)
            : t('catalog.notStated')}
      </p>
      <h3>{t('catalog.refusal')}</h3>
      {refusal.kind === 'listed' ? (
        <ul>
          {refusal.items.map((r) => (
            <li key={lines(r.source) + r.text.kk}>{loc(r.text)}</li>
          ))}
        </ul>
      ) : refusal.kind === 'per_standard' ? (
        <p>{loc(refusal.reference)}</p>
      ) : (
        <p>{t('catalog.notStated')}</p>
      )}
      {s.specialRules.length > 0 && (
        <>
          <h3>{t('catalog.specialRules')}</h3>
          <ul>
            {s.specialRules.map((r) => (
              <li key={lines(r.source) + r.text.kk}>
                {loc(r.text)} <span className="hint">{lines(r.source)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(s.inconsistencies ?? []).length > 0 && (
        <>
          <h3>{t('catalog.inconsistencies')}</h3>
          <ul>
            {(s.inconsistencies ?? []).map((r) => (
              <li key={lines(r.source) + r.text.kk}>
                {loc(r.text)} <span className="hint">{lines(r.source)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
