/**
 * An office's details as the papers print them (`print/layout/OfficeHeader.tsx`): names and
 * addresses in Kazakh and Russian, the phone. The same check as the server's before saving.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { type OfficeDetails, officeDetailsProblem } from '../../domain/admin/office-details';
import { describeProblem } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useOpenForm } from '../update/openForms';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

const EMPTY: OfficeDetails = { name: { kk: '', ru: '' }, address: { kk: '', ru: '' }, phone: '' };

export function OfficeDetailsEditor() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  const { run, message } = useAdmin();
  const [officeId, setOfficeId] = useState('');
  const office = offices.find((o) => o.id === officeId);
  // As text, so choosing an office — or its details arriving after a save — loads the form.
  const stored = office
    ? JSON.stringify({ name: office.name, address: office.address, phone: office.phone })
    : '';
  const [draft, setDraft] = useState<OfficeDetails>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (stored) setDraft(JSON.parse(stored) as OfficeDetails);
  }, [stored]);
  // A new version waits while the details typed differ from the stored ones.
  useOpenForm(stored !== '' && JSON.stringify(draft) !== stored);

  function save() {
    const found = officeDetailsProblem(draft);
    setProblem(found ? describeProblem(t, found) : null);
    if (!found && office) void run((c) => c.setOfficeDetails(office.id, draft));
  }

  const text = (label: string, value: string, onChange: (v: string) => void) => (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );

  return (
    <section aria-labelledby="office-details-title">
      <h2 id="office-details-title">{t('officeDetails.title')}</h2>
      <p className="hint">{t('officeDetails.explain')}</p>
      <label>
        {t('officeDetails.office')}
        <select value={officeId} onChange={(e) => setOfficeId(e.target.value)}>
          <option value="">—</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {loc(o.name)}
            </option>
          ))}
        </select>
      </label>
      {office && (
        <fieldset>
          <legend>{loc(office.name)}</legend>
          {text(t('officeDetails.nameKk'), draft.name.kk, (kk) =>
            setDraft({ ...draft, name: { ...draft.name, kk } }),
          )}
          {text(t('officeDetails.nameRu'), draft.name.ru, (ru) =>
            setDraft({ ...draft, name: { ...draft.name, ru } }),
          )}
          {text(t('officeDetails.addressKk'), draft.address.kk, (kk) =>
            setDraft({ ...draft, address: { ...draft.address, kk } }),
          )}
          {text(t('officeDetails.addressRu'), draft.address.ru, (ru) =>
            setDraft({ ...draft, address: { ...draft.address, ru } }),
          )}
          {text(t('officeDetails.phone'), draft.phone, (phone) => setDraft({ ...draft, phone }))}
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="button" onClick={save}>
            {t('officeDetails.save')}
          </button>
        </fieldset>
      )}
      <AdminMessage message={message} />
    </section>
  );
}
