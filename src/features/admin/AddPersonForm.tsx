/**
 * A new person: surname, given name, patronymic, office, a role of that office's kind and an
 * initial PIN. Checked here as the server checks it (`src/domain/admin/staff.ts`), so a mistake
 * is told before anything is sent; the PIN field is cleared after every attempt.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { newPersonProblem } from '../../domain/admin/staff';
import { ROLES_BY_OFFICE_KIND, type StaffRole } from '../../domain/roles';
import { describeProblem } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useOpenForm } from '../update/openForms';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

const EMPTY = { surname: '', givenName: '', patronymic: '', officeId: '', role: '', pin: '' };

export function AddPersonForm({ onAdded }: { onAdded(): Promise<void> }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  const { run, message } = useAdmin();
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const office = offices.find((o) => o.id === form.officeId);
  const roles: readonly StaffRole[] = office ? ROLES_BY_OFFICE_KIND[office.kind] : [];
  const set = (patch: Partial<typeof EMPTY>) => setForm({ ...form, ...patch });
  useOpenForm([form.surname, form.givenName, form.patronymic, form.pin].some((v) => v !== ''));

  async function save() {
    const person = { ...form, role: (form.role || roles[0] || 'akimat_specialist') as StaffRole };
    const found = office
      ? newPersonProblem(person, office.kind)
      : { code: 'field-required' as const, details: { field: 'officeId' } };
    setForm({ ...form, pin: '' });
    if (found) {
      setProblem(describeProblem(t, found));
      return;
    }
    setProblem(null);
    await run(async (c) => {
      await c.addPerson({ ...person, patronymic: person.patronymic || undefined });
      setForm(EMPTY);
      await onAdded();
    });
  }

  const field = (key: 'surname' | 'givenName' | 'patronymic', label: string) => (
    <label>
      {label}
      <input
        name={key}
        autoComplete="off"
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </label>
  );

  return (
    <fieldset>
      <legend>{t('staffAdmin.add')}</legend>
      {field('surname', t('staffAdmin.surname'))}
      {field('givenName', t('staffAdmin.givenName'))}
      {field('patronymic', t('staffAdmin.patronymic'))}
      <label>
        {t('staffAdmin.office')}
        <select
          name="officeId"
          value={form.officeId}
          onChange={(e) => set({ officeId: e.target.value, role: '' })}
        >
          <option value="">—</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {loc(o.name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('staffAdmin.role')}
        <select name="role" value={form.role} onChange={(e) => set({ role: e.target.value })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('staffAdmin.pin')}
        <input
          name="newPersonPin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={form.pin}
          onChange={(e) => set({ pin: e.target.value })}
        />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="button" onClick={() => void save()}>
        {t('staffAdmin.save')}
      </button>
      <AdminMessage message={message} />
    </fieldset>
  );
}
