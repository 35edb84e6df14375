/**
 * The print view: reads the paper's address (`route.ts`) against the table of papers
 * (`papers.ts`), settles the size (the address's, else the one this device printed on last),
 * reads the office and district this device works for, and shows the paper, loading its code the
 * first time. A wrong address is told in the interface's language; a paper that fails is caught
 * and told the same way.
 */
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paperPlace } from '../../db/papers';
import { useLive } from '../../db/useLive';
import { usePrefs, useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { PaperErrorBoundary } from './layout/PaperErrorBoundary';
import { PaperProblemView } from './layout/PaperProblemView';
import { PAPERS, type PaperName, type PaperProps } from './papers';
import { parsePaperRoute } from './route';
import './layout/paper.css';

const loaded = new Map<PaperName, LazyExoticComponent<ComponentType<PaperProps>>>();

/** One lazy component per paper, made once, so a change of language does not reload it. */
function paperComponent(name: PaperName) {
  let component = loaded.get(name);
  if (!component) {
    component = lazy(() => PAPERS[name].load().then((C) => ({ default: C })));
    loaded.set(name, component);
  }
  return component;
}

export function PrintScreen({ address }: { address: string }) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const remembered = usePrefs((s) => s.paper);
  const officeId = useSession((s) => s.credentials?.officeId ?? '');
  // Every paper is headed by an office and prints the district's public address.
  const place = useLive(() => paperPlace(db, officeId), [officeId]);
  const parsed = useMemo(() => parsePaperRoute(address, PAPERS), [address]);
  if (!parsed.ok) return <PaperProblemView problem={parsed.problem} />;
  if (place.status === 'error') return <PaperProblemView problem={{ code: 'paper-failed' }} />;
  const preparing = (
    <main className="print-view" aria-busy="true">
      <p className="hint">{t('print.preparing')}</p>
    </main>
  );
  if (place.status !== 'ready') return preparing;
  const request = {
    ...parsed.request,
    size: parsed.request.size ?? (remembered === 'roll80' ? '80mm' : 'a4'),
  };
  const Paper = paperComponent(request.paper);
  return (
    // A new address is a new paper: a failure of the last one is not carried over.
    <PaperErrorBoundary key={address}>
      <Suspense fallback={preparing}>
        <Paper request={request} place={place.data} />
      </Suspense>
    </PaperErrorBoundary>
  );
}
