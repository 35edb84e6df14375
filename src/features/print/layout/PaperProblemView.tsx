/**
 * Why a paper cannot be shown — an address that names no paper, a language or size that does not
 * exist, a number this device does not have — in the interface's language, with a way back.
 */
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/router';
import type { PaperProblem } from '../route';

export function PaperProblemView({ problem }: { problem: PaperProblem }) {
  const { t } = useTranslation();
  return (
    <main className="print-view">
      <p role="alert" className="error">
        {t(`print.problem.${problem.code}`, problem.details ?? {})}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.history.back()}>
          {t('print.back')}
        </button>{' '}
        <a href={hrefOf({ name: 'journal' })}>{t('nav.journal')}</a>
      </p>
    </main>
  );
}
