/**
 * Completing a checklist the seeds lack: for a service whose regulation only refers to the
 * national Standard, the administrator lists the documents (Kazakh and Russian names). Saving
 * makes a new catalog edition; cases already registered keep the edition they were accepted
 * under.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDocument } from '../../domain/catalog/editions';
import { useLang } from '../app/useLang';
import { useCatalog } from '../app/useReference';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

const blank = (): AdminDocument => ({ id: '', name: { kk: '', ru: '' } });

export function ChecklistEditor() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const catalog = useCatalog();
  const { run, message } = useAdmin();
  const [serviceId, setServiceId] = useState('');
  const [rows, setRows] = useState<AdminDocument[]>([]);
  const open = (catalog?.services ?? []).filter(
    (s) => !s.isDeleted && s.checklist.kind === 'per_standard',
  );
  const service = open.find((s) => s.id === serviceId);

  function choose(id: string) {
    setServiceId(id);
    const chosen = open.find((s) => s.id === id);
    setRows(
      (chosen?.checklist.documents ?? []).map(({ id: docId, name }) => ({ id: docId, name })),
    );
  }
  const update = (i: number, patch: Partial<AdminDocument['name']>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, name: { ...r.name, ...patch } } : r)));

  function save() {
    // Ids are made from the position so the administrator only types names.
    const documents = rows
      .filter((r) => r.name.kk.trim() || r.name.ru.trim())
      .map((r, i) => ({ ...r, id: r.id || `doc_${i + 1}` }));
    return run((c) => c.completeChecklist(serviceId, documents));
  }

  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('admin.checklists')}</h2>
      <p className="hint">{t('admin.checklistsExplain', { version: catalog?.version ?? '' })}</p>
      <label>
        {t('intake.service')}
        <select name="checklist-service" value={serviceId} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('intake.chooseService')}</option>
          {open.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id} {loc(s.name)}
            </option>
          ))}
        </select>
      </label>
      {service && service.checklist.kind === 'per_standard' && (
        <>
          <p className="hint">{loc(service.checklist.reference)}</p>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <fieldset key={i}>
              <legend>{t('admin.document', { n: i + 1 })}</legend>
              <label>
                {t('admin.nameKk')}
                <input value={row.name.kk} onChange={(e) => update(i, { kk: e.target.value })} />
              </label>
              <label>
                {t('admin.nameRu')}
                <input value={row.name.ru} onChange={(e) => update(i, { ru: e.target.value })} />
              </label>
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t('admin.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" onClick={() => setRows([...rows, blank()])}>
            {t('admin.addDocument')}
          </button>
          <button type="button" onClick={save}>
            {t('admin.saveChecklist')}
          </button>
        </>
      )}
      <AdminMessage message={message} />
    </section>
  );
}
