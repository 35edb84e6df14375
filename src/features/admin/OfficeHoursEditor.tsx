/**
 * Each office's hours: opening, closing and the lunch break. They decide from when a late
 * submission counts (after closing: the next working day, which moves the talon's date) and how
 * minute-long steps count (office minutes only). The same check the server runs shows its
 * reason before saving, and a refused save changes nothing.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { DEFAULT_OFFICE_HOURS, hoursOf, hoursProblem, type OfficeHours } from '../../domain/hours';
import type { Office } from '../../domain/reference';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useOpenForm } from '../update/openForms';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

/**
 * Times typed as text, 24-hour: Chromium has no Kazakh locale data and shows a time field with
 * AM/PM, which no office in Kazakhstan writes; a wrong time gets the check's reason instead.
 */
const CLOCK_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  placeholder: '09:00',
  maxLength: 5,
  autoComplete: 'off',
} as const;

interface Draft {
  open: string;
  close: string;
  hasLunch: boolean;
  lunchFrom: string;
  lunchTo: string;
}

function draftOf(hours: OfficeHours): Draft {
  const lunch = hours.lunch ?? DEFAULT_OFFICE_HOURS.lunch;
  return {
    open: hours.open,
    close: hours.close,
    hasLunch: hours.lunch !== null,
    lunchFrom: lunch?.from ?? '',
    lunchTo: lunch?.to ?? '',
  };
}

function hoursFrom(d: Draft): OfficeHours {
  return {
    open: d.open,
    close: d.close,
    lunch: d.hasLunch ? { from: d.lunchFrom, to: d.lunchTo } : null,
  };
}

export function OfficeHoursEditor() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  const { run, message } = useAdmin();
  const [officeId, setOfficeId] = useState('');
  const office = offices.find((o) => o.id === officeId);
  // The office's hours as text, so choosing an office — or its hours arriving after a save —
  // loads them into the form, and nothing else resets what is being typed.
  const stored = office ? JSON.stringify(hoursOf(office)) : '';
  const [draft, setDraft] = useState<Draft>(draftOf(DEFAULT_OFFICE_HOURS));
  useEffect(() => {
    if (stored) setDraft(draftOf(JSON.parse(stored) as OfficeHours));
  }, [stored]);
  // A new version waits while the hours typed differ from the stored ones.
  useOpenForm(
    stored !== '' && JSON.stringify(draft) !== JSON.stringify(draftOf(JSON.parse(stored))),
  );

  const hours = hoursFrom(draft);
  const problem = hoursProblem(hours);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const summary = (o: Office) => {
    const h = hoursOf(o);
    return h.lunch
      ? t('officeHours.summary', {
          open: h.open,
          close: h.close,
          from: h.lunch.from,
          to: h.lunch.to,
        })
      : `${h.open}–${h.close}, ${t('officeHours.noLunch')}`;
  };

  return (
    <section aria-labelledby="office-hours-title">
      <h2 id="office-hours-title">{t('officeHours.title')}</h2>
      <p className="hint">{t('officeHours.explain')}</p>
      <label>
        {t('officeHours.office')}
        <select value={officeId} onChange={(e) => setOfficeId(e.target.value)}>
          <option value="">—</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {loc(o.name)} — {summary(o)}
            </option>
          ))}
        </select>
      </label>
      {office && (
        <fieldset>
          <legend>{loc(office.name)}</legend>
          <label>
            {t('officeHours.open')}
            <input
              {...CLOCK_INPUT}
              value={draft.open}
              onChange={(e) => set({ open: e.target.value })}
            />
          </label>
          <label>
            {t('officeHours.close')}
            <input
              {...CLOCK_INPUT}
              value={draft.close}
              onChange={(e) => set({ close: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.hasLunch}
              onChange={(e) => set({ hasLunch: e.target.checked })}
            />
            {t('officeHours.hasLunch')}
          </label>
          {draft.hasLunch && (
            <>
              <label>
                {t('officeHours.lunchFrom')}
                <input
                  {...CLOCK_INPUT}
                  value={draft.lunchFrom}
                  onChange={(e) => set({ lunchFrom: e.target.value })}
                />
              </label>
              <label>
                {t('officeHours.lunchTo')}
                <input
                  {...CLOCK_INPUT}
                  value={draft.lunchTo}
                  onChange={(e) => set({ lunchTo: e.target.value })}
                />
              </label>
            </>
          )}
          {problem && (
            <p role="alert" className="error">
              {t(`officeHours.problems.${problem}`)}
            </p>
          )}
          <button
            type="button"
            disabled={Boolean(problem)}
            onClick={() => run((c) => c.setOfficeHours(office.id, hours))}
          >
            {t('officeHours.save')}
          </button>
        </fieldset>
      )}
      <AdminMessage message={message} />
    </section>
  );
}
