/**
 * The district department's desk: files arriving from the akimats (confirm each against the
 * paper register), cases to decide, decisions for the head to sign, and signed results to send
 * back.
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { WorkList } from '../case/WorkList';

export function DistrictScreen() {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const role = useSession((s) => s.staff?.role);
  return (
    <main>
      <h1>{t('district.title')}</h1>
      <WorkList
        title={t('district.incoming')}
        status="forwarded"
        actionLabel={t('actions.case_received')}
        action={(c) => commands.receiveCase(c.id)}
      />
      <WorkList title={t('district.toDecide')} status="received" />
      <WorkList
        title={t('district.toSign')}
        status="decided"
        {...(role === 'district_head'
          ? { actionLabel: t('actions.case_signed'), action: (c) => commands.signCase(c.id) }
          : {})}
      />
      <WorkList
        title={t('district.toSend')}
        status="signed"
        actionLabel={t('actions.result_sent')}
        action={(c) => commands.sendResult(c.id)}
      />
      <WorkList title={t('district.sentBack')} status="result_sent" />
    </main>
  );
}
