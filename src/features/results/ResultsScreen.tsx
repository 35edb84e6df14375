/**
 * Results back from the district: the specialist confirms the paper result has arrived, then
 * records handing it to the citizen, which closes the case.
 */
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../app/runtime';
import { WorkList } from '../case/WorkList';

export function ResultsScreen() {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  return (
    <main>
      <h1>{t('results.title')}</h1>
      <WorkList
        title={t('results.onTheWay')}
        status="result_sent"
        actionLabel={t('actions.result_received')}
        action={(c) => commands.receiveResult(c.id)}
      />
      <WorkList
        title={t('results.toHandOut')}
        status="result_received"
        actionLabel={t('actions.result_handed_out')}
        action={(c) => commands.handOutResult(c.id)}
      />
      <WorkList title={t('results.closed')} status="closed" />
    </main>
  );
}
