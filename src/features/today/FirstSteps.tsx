/**
 * Today for an office with no case yet (a new office, a fresh demo district): what the day
 * looks like and where each part of it is done, with the first step one click away.
 */
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../app/router';

export function FirstSteps() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="first-steps-title" className="notice" data-testid="today-first">
      <h2 id="first-steps-title">{t('today.firstTitle')}</h2>
      <p>{t('today.firstIntro')}</p>
      <ol className="first-steps">
        <li>
          <a href={hrefOf({ name: 'intake' })}>{t('nav.intake')}</a>: {t('today.firstIntake')}
        </li>
        <li>
          <a href={hrefOf({ name: 'transfer' })}>{t('nav.transfer')}</a>: {t('today.firstTransfer')}
        </li>
        <li>
          <a href={hrefOf({ name: 'results' })}>{t('nav.results')}</a>: {t('today.firstResults')}
        </li>
        <li>
          <a href={hrefOf({ name: 'sync' })}>{t('nav.sync')}</a>: {t('today.firstSync')}
        </li>
      </ol>
      <p>{t('today.firstToday')}</p>
      <a className="button" href={hrefOf({ name: 'intake' })}>
        {t('today.firstStart')}
      </a>
    </section>
  );
}
