/**
 * A new application: the service, the applicant with an IIN checked as it is typed, and the
 * service's document checklist. Everything typed is kept in the draft until the case is
 * registered; a rejected save shows every problem next to its field and loses nothing.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import type { FieldProblem } from '../../domain/case/intake';
import { servicesFor } from '../../domain/catalog/select';
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

export function IntakeScreen() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, commands } = useRuntime();
  const { draft, update, clear } = useIntakeDraft();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const district = useLive(() => db.districts.toCollection().first(), []);

  const catalog = useCatalog();
  const calendar = useCalendar();
  const services = useMemo(
    () => (catalog ? servicesFor(catalog, district.data?.actIds ?? [], 'akim') : []),
    [catalog, district.data?.actIds],
  );
  const service = catalog?.services.find((s) => s.id === draft.serviceId);
  const channel = service?.channels[draft.channel];
  const iinCheck = draft.iin.length === 12 ? checkIin(draft.iin) : null;
  const preview =
    channel && calendar ? resultDueFor(calendar, channel, toLocalDateTime(new Date())) : null;
  const problemOf = (field: string) => problems.find((p) => p.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await commands.registerCase({
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
    });
    if (result.ok) {
      clear();
      setProblems([]);
      navigate({ name: 'case', caseId: result.value.caseId });
      return;
    }
    setProblems(result.fields ?? []);
    setFormError(describeProblem(t, result.problem));
  }

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
            onChange={(e) => update({ [name]: e.target.value })}
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
            onChange={(e) => update({ serviceId: e.target.value, presentedDocuments: [] })}
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
        <button type="submit">{t('intake.save')}</button>
      </form>
    </main>
  );
}
