/**
 * A new application: the service (and its variant, where the regulation gives one its own
 * terms), the applicant with an IIN checked as it is typed, and the service's document
 * checklist. Everything typed is kept in the draft until the case is registered; a rejected
 * save shows every problem next to its field and loses nothing. An IIN with an open case of the
 * service is warned about and registered again only when the person confirms.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import type { FieldProblem } from '../../domain/case/intake';
import { servicesFor } from '../../domain/catalog/select';
import { withVariant } from '../../domain/deadline/stages';
import { resultDueFor } from '../../domain/deadline/talon';
import { checkIin } from '../../domain/iin';
import { formatDateKz, toLocalDateTime } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { useIntakeDraft } from '../../state/drafts';
import { navigate } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useCalendar, useCatalog } from '../app/useReference';
import { Checklist } from './Checklist';
import { DuplicateWarning } from './DuplicateWarning';
import { VariantChooser } from './VariantChooser';

export function IntakeScreen() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, commands } = useRuntime();
  const { draft, update, clear } = useIntakeDraft();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  /** the open case's number while the duplicate warning stands */
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const district = useLive(() => db.districts.toCollection().first(), []);

  const catalog = useCatalog();
  const calendar = useCalendar();
  const services = useMemo(
    () => (catalog ? servicesFor(catalog, district.data?.actIds ?? [], 'akim') : []),
    [catalog, district.data?.actIds],
  );
  const service = catalog?.services.find((s) => s.id === draft.serviceId);
  const offered = service?.channels[draft.channel];
  // A variant the channel does not have (the service changed since it was chosen) is no variant.
  const variant = offered?.variants?.some((v) => v.id === draft.variant)
    ? (draft.variant ?? '')
    : '';
  const channel = offered && withVariant(offered, variant || undefined);
  const iinCheck = draft.iin.length === 12 ? checkIin(draft.iin) : null;
  const preview =
    channel && calendar ? resultDueFor(calendar, channel, toLocalDateTime(new Date())) : null;
  const problemOf = (field: string) => problems.find((p) => p.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await register(false);
  }

  async function register(confirmDuplicate: boolean) {
    if (isSaving) return;
    setSaving(true);
    const result = await commands
      .registerCase({
        serviceId: draft.serviceId,
        channel: draft.channel,
        applicant: {
          iin: draft.iin,
          surname: draft.surname,
          givenName: draft.givenName,
          patronymic: draft.patronymic,
          phone: draft.phone,
        },
        presentedDocuments: draft.presentedDocuments,
        personalDataConsent: draft.personalDataConsent === true,
        ...(variant ? { variant } : {}),
        ...(confirmDuplicate ? { confirmDuplicate } : {}),
      })
      .finally(() => setSaving(false));
    if (result.ok) {
      clear();
      setProblems([]);
      setDuplicateOf(null);
      navigate({ name: 'case', caseId: result.value.caseId });
      return;
    }
    setProblems(result.fields ?? []);
    if (result.problem.code === 'duplicate-open-case') {
      setDuplicateOf(String(result.problem.details?.regNumber ?? ''));
      setFormError(null);
      return;
    }
    setDuplicateOf(null);
    setFormError(describeProblem(t, result.problem));
  }

  /** A change of the IIN or the service makes an earlier duplicate warning stale. */
  const edit = (patch: Partial<typeof draft>) => {
    if ('iin' in patch || 'serviceId' in patch) setDuplicateOf(null);
    update(patch);
  };

  const field = (name: 'iin' | 'surname' | 'givenName' | 'patronymic' | 'phone', extra = {}) => {
    const problem = problemOf(name);
    // The message sits outside the label so the field's accessible name stays its label; it is
    // tied to the field by aria-describedby instead.
    return (
      <div className="field">
        <label>
          {t(`intake.${name}`)}
          <input
            name={name}
            value={draft[name]}
            onChange={(e) => edit({ [name]: e.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${name}-error` : undefined}
            {...extra}
          />
        </label>
        {problem && (
          <span id={`${name}-error`} className="field-error">
            {describeProblem(t, problem)}
          </span>
        )}
      </div>
    );
  };

  return (
    <main>
      <h1>{t('intake.title')}</h1>
      <form onSubmit={submit} noValidate className="intake">
        <label>
          {t('intake.service')}
          <select
            name="service"
            value={draft.serviceId}
            onChange={(e) =>
              edit({ serviceId: e.target.value, presentedDocuments: [], variant: '' })
            }
            aria-invalid={problemOf('serviceId') ? true : undefined}
          >
            <option value="">{t('intake.chooseService')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {loc(s.name)} ({s.id})
              </option>
            ))}
          </select>
          {problemOf('serviceId') && (
            <span className="field-error">{describeProblem(t, { code: 'field-required' })}</span>
          )}
        </label>
        {offered && (
          <VariantChooser
            channel={offered}
            value={variant}
            onChange={(v) => update({ variant: v })}
          />
        )}
        <fieldset>
          <legend>{t('intake.applicant')}</legend>
          {field('iin', { inputMode: 'numeric', maxLength: 12, autoComplete: 'off' })}
          {iinCheck?.valid && (iinCheck.birthDate || iinCheck.sex) && (
            <p className="hint">
              {iinCheck.birthDate &&
                t('intake.birthDate', { date: formatDateKz(iinCheck.birthDate) })}{' '}
              {iinCheck.sex && t(`intake.sex_${iinCheck.sex}`)}
            </p>
          )}
          {field('surname')}
          {field('givenName')}
          {field('patronymic')}
          {field('phone', { inputMode: 'tel' })}
        </fieldset>
        {service && (
          <Checklist
            service={service}
            presented={draft.presentedDocuments}
            onChange={(presentedDocuments) => update({ presentedDocuments })}
            hasProblem={Boolean(problemOf('documents'))}
          />
        )}
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="consent"
              checked={draft.personalDataConsent === true}
              onChange={(e) => update({ personalDataConsent: e.target.checked })}
              aria-invalid={problemOf('consent') ? true : undefined}
              aria-describedby={problemOf('consent') ? 'consent-error' : undefined}
            />
            {t('intake.consent')}
          </label>
          {problemOf('consent') && (
            <span id="consent-error" className="field-error">
              {describeProblem(t, { code: 'consent-required' })}
            </span>
          )}
        </div>
        {preview && (
          <p className="deadline-preview">
            {t('intake.resultDue', { date: formatDateKz(preview) })}
          </p>
        )}
        {formError && problems.length === 0 && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        {problems.length > 0 && (
          <p role="alert" className="error">
            {t('intake.fixProblems')}
          </p>
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
      </form>
    </main>
  );
}
