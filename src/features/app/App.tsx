/**
 * The app shell: enrollment, then sign-in, then the screens of the person's office kind.
 */
import i18next from 'i18next';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../../db/meta';
import { useLive } from '../../db/useLive';
import type { OfficeKind } from '../../domain/roles';
import { loadWorkTexts, switchLanguage } from '../../i18n';
import { usePrefs, useSession } from '../../state/session';
import { SignInScreen } from '../signin/SignInScreen';
import { SyncMarksProvider } from '../sync/SyncMarks';
import { LoadErrorBoundary } from '../update/LoadErrorBoundary';
import { Header } from './Header';
import { Nav } from './Nav';
import { type Route, useRoute } from './router';
import { useRuntime, whenIdle } from './runtime';
import { useWithStartupRead } from './startupReads';
import { useStorageCare } from './useStorageCare';

// A village device opens on Today, a district one on its incoming files. Every screen is loaded
// when first opened (the service worker has precached them all, so that works offline too): the
// catalog and admin screens with the catalog's data, the others with the sync and write code they
// use. The intake form, where an akimat works all day, and the journal, a click away on every
// screen, are loaded in the background as soon as the first screen is up (`preloadIntake`,
// `preloadJournal`); the journal also as the app starts when it opens on it (main.tsx), while the
// database opens and its first page is read: the start-up script stays within its budget, and
// neither waits.
/**
 * A work screen's module and the work screens' texts, loaded together so the screen never shows
 * a key for want of its text.
 */
function workScreen<M, P>(
  module: Promise<M>,
  pick: (m: M) => (props: P) => ReactNode,
): Promise<{ default: (props: P) => ReactNode }> {
  return Promise.all([module, loadWorkTexts()]).then(([m]) => ({ default: pick(m) }));
}

const TodayScreen = lazy(() => workScreen(import('../today/TodayScreen'), (m) => m.TodayScreen));
let journalScreen: ReturnType<typeof loadJournal> | undefined;
/** The journal's component once its code has loaded: rendered directly, without suspending. */
let LoadedJournal: Awaited<ReturnType<typeof loadJournal>>['default'] | undefined;
const loadJournal = () => workScreen(import('../journal/JournalScreen'), (m) => m.JournalScreen);
/** Starts loading the journal screen (once; a failed load is tried again by the next call). */
export function preloadJournal(): ReturnType<typeof loadJournal> {
  journalScreen ??= loadJournal().then(
    (module) => {
      LoadedJournal = module.default;
      return module;
    },
    (error: unknown) => {
      journalScreen = undefined;
      throw error;
    },
  );
  return journalScreen;
}
const LazyJournal = lazy(preloadJournal);
/**
 * The journal, without Suspense once loaded (as the app starts on it, or in idle time after the
 * first screen): React holds a suspended screen back for up to 300 ms after its code arrives,
 * which the journal, a click away on every screen, should not cost.
 */
function JournalScreen() {
  return LoadedJournal ? <LoadedJournal /> : <LazyJournal />;
}

const EnrollScreen = lazy(() =>
  import('../enroll/EnrollScreen').then((m) => ({ default: m.EnrollScreen })),
);
const loadIntake = () => workScreen(import('../intake/IntakeScreen'), (m) => m.IntakeScreen);
const IntakeScreen = lazy(loadIntake);
/** Loads the intake form's code and texts; a failed load is tried again when it is opened. */
function preloadIntake() {
  loadIntake().catch(() => {});
}
const CaseScreen = lazy(() => workScreen(import('../case/CaseScreen'), (m) => m.CaseScreen));
const PrintScreen = lazy(() => workScreen(import('../print/PrintScreen'), (m) => m.PrintScreen));
const TransferScreen = lazy(() =>
  workScreen(import('../transfer/TransferScreen'), (m) => m.TransferScreen),
);
const ResultsScreen = lazy(() =>
  workScreen(import('../results/ResultsScreen'), (m) => m.ResultsScreen),
);
const DistrictScreen = lazy(() =>
  workScreen(import('../district/DistrictScreen'), (m) => m.DistrictScreen),
);
const ReportsScreen = lazy(() =>
  workScreen(import('../reports/ReportsScreen'), (m) => m.ReportsScreen),
);
const SyncScreen = lazy(() => workScreen(import('../sync/SyncScreen'), (m) => m.SyncScreen));
const CatalogScreen = lazy(() =>
  workScreen(import('../catalog/CatalogScreen'), (m) => m.CatalogScreen),
);
const AdminScreen = lazy(() => workScreen(import('../admin/AdminScreen'), (m) => m.AdminScreen));
const StatusScreen = lazy(() =>
  workScreen(import('../status/StatusScreen'), (m) => m.StatusScreen),
);

export function App() {
  const lang = usePrefs((s) => s.lang);
  const { db, engine, preload, startup } = useRuntime();
  const { credentials, staff, setCredentials } = useSession();
  const stored = useWithStartupRead(
    startup.credentials,
    useLive(() => getMeta(db, 'credentials'), []),
  );
  const route = useRoute();
  useStorageCare(stored.data);

  const isFirstLang = useRef(true);
  useEffect(() => {
    // The first screen is drawn in the language start-up chose: switching to it again would
    // render every translated component once more while that screen is being drawn.
    const isStartLang = isFirstLang.current && i18next.language === lang;
    isFirstLang.current = false;
    if (isStartLang) {
      document.documentElement.lang = lang;
      return;
    }
    // A dictionary that cannot load leaves the interface in the language it was in.
    switchLanguage(lang).then(
      () => {
        document.documentElement.lang = lang;
      },
      () => {},
    );
  }, [lang]);

  useEffect(() => {
    if (stored.status === 'ready' && stored.data && !credentials) {
      setCredentials(stored.data);
      engine.start();
    }
  }, [stored, credentials, setCredentials, engine]);

  const isSignedIn = Boolean(credentials && staff);
  const officeKind = credentials?.officeKind;
  useEffect(() => {
    // Saving needs the write code, an akimat's desk the intake form, and every screen is a click
    // from the journal: load them while the person looks at the first screen.
    if (!isSignedIn) return;
    return whenIdle(() => {
      preload();
      if (officeKind === 'akimat') preloadIntake();
      void preloadJournal().catch(() => {});
    });
  }, [isSignedIn, preload, officeKind]);

  if (stored.status !== 'ready') return null;
  // Stored credentials are taken in by the effect above before the next paint; showing the
  // enrollment screen meanwhile would load its code for nothing.
  if (stored.data && !credentials) return null;
  if (!stored.data || !credentials) {
    return (
      <>
        <Header />
        <Lazy>
          <EnrollScreen />
        </Lazy>
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
  const isPrint = route?.name === 'print';
  return (
    <>
      <Header />
      {!isPrint && <Nav officeKind={credentials.officeKind} role={staff.role} />}
      {/* which cases have events not sent, read once for every list row on the screen */}
      <SyncMarksProvider>
        <Lazy>
          <Screen route={route ?? homeOf(credentials.officeKind)} />
        </Lazy>
      </SyncMarksProvider>
    </>
  );
}

/**
 * The screen a device opens on: the village office's day (Today) on an akimat device, the
 * incoming files on a district one.
 */
export function homeOf(officeKind: OfficeKind): Route {
  return { name: officeKind === 'district' ? 'district' : 'today' };
}

/**
 * A screen whose code is still loading: the main area says so; one whose code failed to load
 * says that, with a reload.
 */
function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LoadErrorBoundary>
      <Suspense
        fallback={
          <main aria-busy="true">
            <p className="hint">{t('app.loading')}</p>
          </main>
        }
      >
        {children}
      </Suspense>
    </LoadErrorBoundary>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayScreen />;
    case 'journal':
      return <JournalScreen />;
    case 'intake':
      return <IntakeScreen />;
    case 'case':
      return <CaseScreen caseId={route.caseId} />;
    case 'transfer':
      return <TransferScreen />;
    case 'print':
      return <PrintScreen address={route.address} />;
    case 'results':
      return <ResultsScreen />;
    case 'district':
      return <DistrictScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'catalog':
      return <CatalogScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'status':
      return <StatusScreen />;
  }
}
