/**
 * A new application at the desk: the service (found by search, with its act and region), the
 * variant of its terms where the regulation gives one, the applicant (a returning one offered
 * their particulars), who hands it in (in person or by a power of attorney), the document
 * checklist with each paper's form, and the consent to the use of personal data.
 *
 * A complete package is registered; one with a required document missing or out of date is
 * refused at the desk with a receipt, after a confirmation. Everything typed is kept in the draft
 * until one of the two succeeds; a rejected save shows every problem next to its field, moves
 * the focus to the first and loses nothing. An IIN with an open case of the service is warned
 * about and registered again only when the person confirms. The form can be filled and sent
 * with the keyboard alone: Enter in any field saves.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { type FieldProblem, missingDocuments } from '../../domain/case/intake';
import { deskMinutes } from '../../domain/catalog/desk';
import { serviceEntry } from '../../domain/catalog/search';
import { withVariant } from '../../domain/deadline/stages';
import { resultDueFor } from '../../domain/deadline/talon';
import type { Problem } from '../../domain/errors';
import { DESK_CHANNEL } from '../../domain/intake-point';
import { deskServices } from '../../domain/process/desk';
import { formatDateKz, toLocalDateTime, toOffsetDateTime } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { type IntakeDraft, isDraftEmpty, useIntakeDraft } from '../../state/drafts';
import { useRecentServices } from '../../state/recentServices';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { navigate } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useOfficeHours } from '../app/useOfficeHours';
import { useCalendar, useCatalog } from '../app/useReference';
import { useOpenForm } from '../update/openForms';
import { ApplicantFields } from './ApplicantFields';
import { ConsentField } from './ConsentField';
import { DeskClock } from './DeskClock';
import { DocumentChecklist } from './DocumentChecklist';
import { DuplicateWarning } from './DuplicateWarning';
import { intakeInputOf } from './intakeInput';
import { problemTextOf } from './problems';
import { RefusalOffer } from './RefusalOffer';
import { RepresentativeFields } from './RepresentativeFields';
import { ServicePicker } from './ServicePicker';
import { VariantChooser } from './VariantChooser';
import './intake.css';

const REPRESENTATIVE_FIELDS = [
  'representative.iin',
  'representative.surname',
  'representative.givenName',
  'poa.number',
  'poa.date',
  'poa.issuer',
];

/** The problems' fields a change of a draft field answers (by default, its own name). */
const FIELDS_OF: Partial<Record<keyof IntakeDraft, string[]>> = {
  serviceId: ['serviceId', 'channel', 'documents'],
  // The representative's IIN is checked against the applicant's.
  iin: ['iin', 'representative.iin'],
  personalDataConsent: ['consent'],
  isByRepresentative: REPRESENTATIVE_FIELDS,
};

export function IntakeScreen() {
  const { t } = useTranslation();
  const { db, commands, ports } = useRuntime();
  const { draft, update, updateRepresentative, clear } = useIntakeDraft();
  // A new version waits while an application is half-typed here.
  useOpenForm(!isDraftEmpty(draft));
  const recentIds = useRecentServices((s) => s.ids);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  /** the open case's number while the duplicate warning stands */
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  /** bumped after a rejected save: the first problem's field (or the warning) takes the focus */
  const [focusRequest, setFocusRequest] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const district = useLive(() => db.districts.toCollection().first(), []);
  const catalog = useCatalog();
  const calendar = useCalendar();
  // A village registers on the rural akim's channel, the district department on its own.
  const officeKind = useSession((s) => s.credentials?.officeKind) ?? 'akimat';
  const deskChannel = DESK_CHANNEL[officeKind];
  const now = ports.now();
  const today = toLocalDateTime(now).slice(0, 10);

  // The desk time starts when the form opens for an applicant: a form with something typed in
  // it (after a reload, or back from another screen) keeps the time it was first opened.
  useEffect(() => {
    const current = useIntakeDraft.getState().draft;
    if (!current.deskOpenedAt || isDraftEmpty(current)) {
      update({ deskOpenedAt: toOffsetDateTime(ports.now()) });
    }
    document.getElementById('intake-service')?.focus();
  }, [ports, update]);

  useEffect(() => {
    if (focusRequest === 0) return;
    // No field at fault: the duplicate warning, which took the save button's place, has it.
    const first =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"] a, [role="alert"] button');
    // A fieldset is not focusable: the checklist's first row that needs the person is (its
    // choice if it has one), else the fieldset's first field.
    const row = first?.matches('fieldset') ? first.querySelector('[data-attention]') : null;
    const target = first?.matches('fieldset')
      ? (row?.querySelector<HTMLElement>('input:checked') ??
        row?.querySelector<HTMLElement>('input') ??
        first.querySelector<HTMLElement>('input'))
      : first;
    target?.focus();
  }, [focusRequest]);

  const entries = useMemo(() => {
    if (!catalog) return [];
    const offered = deskServices(catalog, district.data?.actIds ?? [], officeKind);
    return offered.map((s) =>
      serviceEntry(
        s,
        catalog.acts.find((a) => a.id === s.actId),
      ),
    );
  }, [catalog, district.data?.actIds, officeKind]);
  const service = catalog?.services.find((s) => s.id === draft.serviceId);
  const hours = useOfficeHours(useSession((s) => s.credentials?.officeId) ?? '');
  const offered = service?.channels[deskChannel];
  // A variant the channel does not have (the service changed since it was chosen) is no variant.
  const variant = offered?.variants?.some((v) => v.id === draft.variant) ? draft.variant : '';
  const channel = offered && withVariant(offered, variant || undefined);
  // The talon's date counts with the office's hours, and so does its preview.
  const preview =
    channel && calendar && hours
      ? resultDueFor(calendar, channel, toLocalDateTime(now), { businessHours: hours })
      : null;
  const problemText = problemTextOf(problems, t);

  const input = { ...intakeInputOf(draft, variant), channel: deskChannel };
  const missing = service ? missingDocuments(service, input.presentedDocuments) : [];
  const expired = input.expiredDocuments ?? [];
  // The refusal is offered once the person has said a required paper is missing or out of date,
  // or a save found the package incomplete — not while the rows are still being checked.
  const isMarkedIncomplete = missing.some((id) => draft.documents[id] === 'missing');
  const isRefusable =
    missing.length + expired.length > 0 &&
    (isMarkedIncomplete || expired.length > 0 || Boolean(problemText.code('documents')));

  /** A change answers the problems about what changed; a new IIN or service, the warning. */
  const edit = (patch: Partial<IntakeDraft>) => {
    if ('iin' in patch || 'serviceId' in patch) setDuplicateOf(null);
    const answered = Object.keys(patch).flatMap((k) => FIELDS_OF[k as keyof IntakeDraft] ?? [k]);
    if (problems.some((p) => answered.includes(p.field))) {
      setProblems(problems.filter((p) => !answered.includes(p.field)));
    }
    update(patch);
  };

  function rejected(problem: Problem, fields: FieldProblem[] | undefined) {
    setProblems(fields ?? []);
    if (problem.code === 'duplicate-open-case') {
      setDuplicateOf(String(problem.details?.regNumber ?? ''));
      setFormError(null);
      setFocusRequest((n) => n + 1);
      return;
    }
    setDuplicateOf(null);
    setFormError(describeProblem(t, problem));
    setFocusRequest((n) => n + 1);
  }

  /** After the case or the refusal is recorded, the form starts again for the next person. */
  function done(serviceId: string, caseId: string) {
    clear();
    useRecentServices.getState().use(serviceId);
    setProblems([]);
    setDuplicateOf(null);
    // The talon's and the refusal receipt's print routes (#/print/talon/…, #/print/refusal/…)
    // are not in this version: the case screen, whose talon link prints the talon, is next.
    navigate({ name: 'case', caseId });
  }

  async function register(confirmDuplicate: boolean) {
    if (isSaving) return;
    setSaving(true);
    const result = await commands
      .registerCase({ ...input, ...(confirmDuplicate ? { confirmDuplicate } : {}) })
      .finally(() => setSaving(false));
    if (result.ok) done(input.serviceId, result.value.caseId);
    else rejected(result.problem, result.fields);
  }

  async function refuse() {
    if (isSaving) return;
    setSaving(true);
    const result = await commands.refuseApplication(input).finally(() => setSaving(false));
    if (result.ok) done(input.serviceId, result.value.caseId);
    else rejected(result.problem, result.fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void register(false);
  }

  const applicantName = [draft.surname, draft.givenName, draft.patronymic]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');

  return (
    <main>
      <h1>{t('intake.title')}</h1>
      <DeskClock openedAt={draft.deskOpenedAt} limitMinutes={deskMinutes(offered)} />
      <form ref={form} onSubmit={submit} noValidate className="intake">
        <ServicePicker
          entries={entries}
          recentIds={recentIds}
          value={draft.serviceId}
          onChange={(serviceId) => edit({ serviceId, documents: {}, variant: '' })}
          problem={problemText('serviceId') ?? problemText('channel')}
        />
        {offered && (
          <VariantChooser
            channel={offered}
            value={variant}
            onChange={(v) => edit({ variant: v })}
          />
        )}
        <ApplicantFields draft={draft} onChange={edit} problemText={problemText} today={today} />
        <RepresentativeFields
          draft={draft}
          onChange={edit}
          onRepresentativeChange={(patch) => {
            const fields = Object.keys(patch).map((k) =>
              k.startsWith('poa') ? `poa.${k.slice(3).toLowerCase()}` : `representative.${k}`,
            );
            if (problems.some((p) => fields.includes(p.field))) {
              setProblems(problems.filter((p) => !fields.includes(p.field)));
            }
            updateRepresentative(patch);
          }}
          problemText={problemText}
          today={today}
        />
        {service && (
          <DocumentChecklist
            service={service}
            documents={draft.documents}
            onChange={(documents) => edit({ documents })}
            problem={problemText('documents')}
          />
        )}
        <ConsentField
          isGiven={draft.personalDataConsent}
          onChange={(personalDataConsent) => edit({ personalDataConsent })}
          problem={problemText('consent')}
        />
        {preview && !isRefusable && (
          <p className="deadline-preview">
            {t('intake.resultDue', { date: formatDateKz(preview) })}
          </p>
        )}
        {/* Polite, so the first problem's field, which takes the focus, is read out first. A new
            paragraph after each rejected save, so the same words are announced again. */}
        <div aria-live="polite" className="form-problems">
          {formError && problems.length === 0 && (
            <p key={focusRequest} className="error">
              {formError}
            </p>
          )}
          {problems.length > 0 && (
            <p key={focusRequest} className="error">
              {t('intake.fixProblems')}
            </p>
          )}
        </div>
        {service && isRefusable && (
          <RefusalOffer
            service={service}
            missing={missing}
            expired={expired}
            applicantName={applicantName}
            isBusy={isSaving}
            onRefuse={() => void refuse()}
          />
        )}
        {duplicateOf !== null && (
          <DuplicateWarning
            regNumber={duplicateOf}
            isBusy={isSaving}
            onConfirm={() => void register(true)}
          />
        )}
        {/* While the warning stands, the choice is the warning's: open the case, or register anyway. */}
        {duplicateOf === null && (
          <button type="submit" disabled={isSaving}>
            {t('intake.save')}
          </button>
        )}
        {/* The applicant left half-way: the next one gets an empty form and a desk clock of their own. */}
        {!isDraftEmpty(draft) && (
          <span className="clear-form">
            <ConfirmButton
              label={t('intake.clear')}
              question={<p>{t('intake.clearQuestion')}</p>}
              isDisabled={isSaving}
              onConfirm={() => {
                clear();
                update({ deskOpenedAt: toOffsetDateTime(ports.now()) });
                setProblems([]);
                setFormError(null);
                setDuplicateOf(null);
                document.getElementById('intake-service')?.focus();
              }}
            />
          </span>
        )}
      </form>
    </main>
  );
}
