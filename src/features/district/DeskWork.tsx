/**
 * The work of the district department's own desk (the provider's channel): the applications it
 * took in, until the executor's draft (the head's assignment or commission order, the
 * commission's act, a draft, or the head's signature where the regulation has no draft), and
 * the results waiting at its desk for the applicant. From the draft on they share the
 * department's lists with the akimats' files (to decide, visa, signature).
 */
import { useTranslation } from 'react-i18next';
import { WorkList } from '../case/WorkList';

export function DeskWork() {
  const { t } = useTranslation();
  return (
    <>
      <WorkList
        id="desk-taken"
        title={t('districtDesk.taken')}
        statuses={['registered', 'commission_ordered', 'inspected']}
        at="district"
        isHiddenWhenEmpty
      />
      <WorkList
        id="desk-hand-out"
        title={t('districtDesk.toHandOut')}
        statuses={['decided', 'signed']}
        awaiting="result.handed_out"
        isHiddenWhenEmpty
      />
    </>
  );
}
