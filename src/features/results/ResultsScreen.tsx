/**
 * The akimat's desk after intake: the steps waiting at the village (the akim's order to the
 * commission, the commission's act, the akim's signature of a certificate rendered on the spot,
 * files the district returned), then results back from the district — confirmed as arrived,
 * by results batch (`ArrivingResults`), then handed out, which closes the case. What each case
 * waits for is its process's word.
 */
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../app/runtime';
import { WorkList } from '../case/WorkList';
import { ArrivingResults } from './ArrivingResults';

export function ResultsScreen() {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  return (
    <main>
      <h1>{t('results.title')}</h1>
      <WorkList
        id="to-order"
        title={t('results.toOrder')}
        statuses={['registered']}
        awaiting="commission.ordered"
        isHiddenWhenEmpty
      />
      <WorkList
        id="to-inspect"
        title={t('results.toInspect')}
        statuses={['commission_ordered']}
        awaiting="commission.inspected"
        isHiddenWhenEmpty
      />
      <WorkList
        id="to-sign"
        title={t('results.toSign')}
        statuses={['registered']}
        awaiting="case.signed"
        isHiddenWhenEmpty
      />
      <WorkList
        id="returned"
        title={t('results.returned')}
        statuses={['returned']}
        isHiddenWhenEmpty
      />
      <ArrivingResults />
      <WorkList
        id="to-hand-out"
        title={t('results.toHandOut')}
        statuses={['result_received', 'signed']}
        awaiting="result.handed_out"
        action={{
          type: 'result.handed_out',
          label: t('results.handOutToApplicant'),
          run: (c) => commands.handOutResult(c.id, { to: 'applicant' }),
          confirm: (c) =>
            t('confirm.handOutApplicant', {
              name: `${c.applicant.surname} ${c.applicant.givenName}`,
            }),
        }}
      />
      <WorkList id="closed" title={t('results.closed')} statuses={['closed']} />
    </main>
  );
}
