/** Paper size and paper language for a printed form, and the print button; hidden in print. */
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../state/session';

interface Props {
  lang: 'kk' | 'ru';
  setLang(lang: 'kk' | 'ru'): void;
}

export function PaperControls({ lang, setLang }: Props) {
  const { t } = useTranslation();
  const { paper, setPaper } = usePrefs();
  // @page cannot be switched by a class, so the chosen paper writes its own rule.
  const pageRule =
    paper === 'a4'
      ? '@page { size: A4; margin: 15mm; }'
      : '@page { size: 80mm 200mm; margin: 3mm; }';
  return (
    <div className="no-print paper-controls">
      <style>{pageRule}</style>
      <label>
        {t('print.paper')}
        <select
          name="paper"
          value={paper}
          onChange={(e) => setPaper(e.target.value as 'a4' | 'roll80')}
        >
          <option value="a4">A4</option>
          <option value="roll80">{t('print.roll80')}</option>
        </select>
      </label>
      <label>
        {t('print.language')}
        <select
          name="paperLang"
          value={lang}
          onChange={(e) => setLang(e.target.value as 'kk' | 'ru')}
        >
          <option value="kk">Қазақша</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      <button type="button" onClick={() => window.print()}>
        {t('print.print')}
      </button>
      <button type="button" onClick={() => window.history.back()}>
        {t('print.back')}
      </button>
    </div>
  );
}
