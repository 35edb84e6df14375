/**
 * The district department's desk: files arriving from the akimats by akimat and batch, the
 * drafts waiting for the signed-in reviewer (the head's signature, the sector head's visa),
 * the work lists of every case at the district by stage, executor or akimat, and the signed
 * results to send back by akimat. Each part is a module of its own; what each case waits for
 * is its process's word, and every action is offered only to whoever may take it.
 */
import { useTranslation } from 'react-i18next';
import { InstallHint } from '../install/InstallHint';
import { DeskWork } from './DeskWork';
import { IncomingBatches } from './IncomingBatches';
import { ResultsToSend } from './ResultsToSend';
import { ReviewQueue } from './ReviewQueue';
import { WorkLists } from './WorkLists';
import './desk.css';

export function DistrictScreen() {
  const { t } = useTranslation();
  return (
    <main className="desk">
      <h1>{t('district.title')}</h1>
      <InstallHint isDismissible />
      <IncomingBatches />
      <DeskWork />
      <ReviewQueue />
      <WorkLists />
      <ResultsToSend />
    </main>
  );
}
