/**
 * The district department's desk: files arriving from the akimats (confirm each against the
 * paper register, or open the case to return it), cases to assign and to draft, drafts for the
 * sector head's visa and for the head's signature, and signed results to send back. What each
 * case waits for is its process's word; quick actions are shown to whoever may take them. The
 * signature and the decision need the case opened: the head reads the draft in full first.
 */
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../app/runtime';
import { WorkList } from '../case/WorkList';
import { DeskWork } from './DeskWork';

export function DistrictScreen() {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  return (
    <main>
      <h1>{t('district.title')}</h1>
      <WorkList
        id="incoming"
        title={t('district.incoming')}
        statuses={['forwarded']}
        awaiting="case.received"
        action={{
          type: 'case.received',
          label: t('actions.case_received'),
          run: (c) => commands.receiveCase(c.id),
        }}
      />
      <DeskWork />
      <WorkList id="to-decide" title={t('district.toDecide')} statuses={['received', 'assigned']} />
      <WorkList id="rework" title={t('district.rework')} statuses={['rework']} isHiddenWhenEmpty />
      <WorkList
        id="to-endorse"
        title={t('district.toEndorse')}
        statuses={['decided']}
        awaiting="case.endorsed"
        isHiddenWhenEmpty
      />
      <WorkList
        id="to-sign"
        title={t('district.toSign')}
        statuses={['decided', 'endorsed']}
        awaiting="case.signed"
      />
      <WorkList
        id="to-send"
        title={t('district.toSend')}
        statuses={['signed']}
        awaiting="result.sent"
        action={{
          type: 'result.sent',
          label: t('actions.result_sent'),
          run: (c) => commands.sendResult(c.id),
        }}
      />
      <WorkList id="sent" title={t('district.sentBack')} statuses={['result_sent']} />
    </main>
  );
}
