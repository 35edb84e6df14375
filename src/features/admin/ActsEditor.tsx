/** The acts whose regulations apply in this district; intake offers only their services. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { CATALOG } from '../../domain/catalog';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

export function ActsEditor() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const district = useLive(() => db.districts.toCollection().first(), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const { run, message } = useAdmin();
  useEffect(() => setChosen(district.data?.actIds ?? []), [district.data?.actIds]);

  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">{t('admin.acts')}</h2>
      {CATALOG.acts.map((act) => (
        <label key={act.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(act.id)}
            onChange={(e) =>
              setChosen(
                e.target.checked ? [...chosen, act.id] : chosen.filter((id) => id !== act.id),
              )
            }
          />
          {act.id}: {loc(act.issuer)}, № {act.number}, {act.date} — {loc(act.title)}
        </label>
      ))}
      <button type="button" onClick={() => run((c) => c.setActs(chosen))}>
        {t('admin.saveActs')}
      </button>
      <AdminMessage message={message} />
    </section>
  );
}
