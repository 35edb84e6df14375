/**
 * The app shell: enrollment, then sign-in, then the screens of the person's office kind.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../../db/meta';
import { useLive } from '../../db/useLive';
import { usePrefs, useSession } from '../../state/session';
import { CaseScreen } from '../case/CaseScreen';
import { DistrictScreen } from '../district/DistrictScreen';
import { EnrollScreen } from '../enroll/EnrollScreen';
import { IntakeScreen } from '../intake/IntakeScreen';
import { JournalScreen } from '../journal/JournalScreen';
import { RegisterPrint } from '../print/RegisterPrint';
import { TalonPrint } from '../print/TalonPrint';
import { ResultsScreen } from '../results/ResultsScreen';
import { SignInScreen } from '../signin/SignInScreen';
import { SyncScreen } from '../sync/SyncScreen';
import { TransferScreen } from '../transfer/TransferScreen';
import { Header } from './Header';
import { Nav } from './Nav';
import { type Route, useRoute } from './router';
import { useRuntime } from './runtime';

// Screens that show the whole catalog, opened now and then: their code and the catalog's data
// load when they are opened, not with the app.
const CatalogScreen = lazy(() =>
  import('../catalog/CatalogScreen').then((m) => ({ default: m.CatalogScreen })),
);
const AdminScreen = lazy(() =>
  import('../admin/AdminScreen').then((m) => ({ default: m.AdminScreen })),
);

export function App() {
  const { i18n } = useTranslation();
  const lang = usePrefs((s) => s.lang);
  const { db, engine } = useRuntime();
  const { credentials, staff, setCredentials } = useSession();
  const stored = useLive(() => getMeta(db, 'credentials'), []);
  const route = useRoute();

  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);

  useEffect(() => {
    if (stored.status === 'ready' && stored.data && !credentials) {
      setCredentials(stored.data);
      engine.start();
    }
  }, [stored, credentials, setCredentials, engine]);

  if (stored.status !== 'ready') return null;
  if (!stored.data || !credentials) {
    return (
      <>
        <Header />
        <EnrollScreen />
      </>
    );
  }
  if (!staff || staff.officeId !== credentials.officeId) {
    return (
      <>
        <Header />
        <SignInScreen officeId={credentials.officeId} />
      </>
    );
  }
  const isPrint = route?.name === 'talon' || route?.name === 'register';
  return (
    <>
      <Header />
      {!isPrint && <Nav officeKind={credentials.officeKind} role={staff.role} />}
      <Screen
        route={route ?? { name: credentials.officeKind === 'district' ? 'district' : 'journal' }}
      />
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'journal':
      return <JournalScreen />;
    case 'intake':
      return <IntakeScreen />;
    case 'case':
      return <CaseScreen caseId={route.caseId} />;
    case 'talon':
      return <TalonPrint caseId={route.caseId} />;
    case 'transfer':
      return <TransferScreen />;
    case 'register':
      return <RegisterPrint batchId={route.batchId} />;
    case 'results':
      return <ResultsScreen />;
    case 'district':
      return <DistrictScreen />;
    case 'catalog':
      return (
        <Suspense fallback={null}>
          <CatalogScreen />
        </Suspense>
      );
    case 'sync':
      return <SyncScreen />;
    case 'admin':
      return (
        <Suspense fallback={null}>
          <AdminScreen />
        </Suspense>
      );
  }
}
