/**
 * The paper's size and language, print and back; in the interface's language, hidden in print.
 * Size and language are part of the paper's address, so a reload or a bookmark prints the same;
 * the size is also remembered on the device, for the papers opened from a link without one.
 */
import { useTranslation } from 'react-i18next';
import type { PaperLang } from '../../../domain/paper-dates';
import { usePrefs } from '../../../state/session';
import { type PaperRequest, type PaperSize, paperHref } from '../route';

/** The device's remembered paper, as the preferences store names it. */
export const PREF_OF_SIZE = { a4: 'a4', '80mm': 'roll80' } as const;

interface Props {
  request: PaperRequest & { size: PaperSize };
  isReady: boolean;
}

export function PaperControls({ request, isReady }: Props) {
  const { t } = useTranslation();
  const setPaper = usePrefs((s) => s.setPaper);

  /** The same paper with other settings; replacing the address keeps "back" one step away. */
  function open(change: { lang?: PaperLang; size?: PaperSize }) {
    const params = { ...request.params, lang: request.lang, size: request.size, ...change };
    window.location.replace(paperHref(request.paper, request.id, params));
  }

  return (
    <div className="no-print paper-controls">
      <label>
        {t('print.paper')}
        <select
          name="paperSize"
          value={request.size}
          onChange={(e) => {
            const size = e.target.value as PaperSize;
            setPaper(PREF_OF_SIZE[size]);
            open({ size });
          }}
        >
          <option value="a4">{t('print.a4')}</option>
          <option value="80mm">{t('print.roll80')}</option>
        </select>
      </label>
      <label>
        {t('print.language')}
        <select
          name="paperLang"
          value={request.lang}
          onChange={(e) => open({ lang: e.target.value as PaperLang })}
        >
          <option value="kk">Қазақша</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      <button type="button" onClick={() => window.print()} disabled={!isReady}>
        {t('print.print')}
      </button>
      <button type="button" onClick={() => window.history.back()}>
        {t('print.back')}
      </button>
      {!isReady && (
        <span className="hint" aria-live="polite">
          {t('print.preparing')}
        </span>
      )}
    </div>
  );
}
