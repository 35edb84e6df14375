/**
 * What every browser test file sets up: one server and one Chromium for the file, devices
 * enrolled and signed in as people use them, screenshots in both languages, and on the way out
 * the last screen of each device (for whoever reads a failure) before the browser and the server
 * are closed.
 *
 *   let suite: BrowserSuite;
 *   beforeAll(async () => {
 *     suite = await startBrowserSuite();
 *     village = await suite.newDevice({ office: 'akt-01', role: 'akimat_specialist' });
 *   });
 *   afterAll(() => suite?.close());
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { StaffRole } from '../../../src/domain/roles';
import { DEMO_PINS } from '../../../sync-server/seed/aktogay';
import { AppPage } from '../pages/app';
import { launchChromium } from './browser';
import { freePort, ServerProcess } from './server';
import { kk } from './texts';

/** Where screenshots and printed PDFs go for people to look at (not committed). */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', '..', 'test-results');

/** A district's working place: Kazakh, Almaty's time. */
export const DEVICE_CONTEXT: BrowserContextOptions = { locale: 'kk-KZ', timezoneId: 'Asia/Almaty' };

export interface DeviceOptions {
  /** the office the device is enrolled for: `akt-01`…, or `akt-district` */
  office: string;
  /** who signs in after the enrollment (with the demo PIN); nobody when absent */
  role?: StaffRole;
  /** wait for the service worker to control the page before enrolling (the app starts offline) */
  serviceWorker?: boolean;
  /** more of the browser context's settings (viewport, downloads); Kazakh in Almaty otherwise */
  context?: BrowserContextOptions;
}

export interface Device {
  context: BrowserContext;
  page: Page;
  app: AppPage;
}

export interface BrowserSuite {
  server: ServerProcess;
  browser: Browser;
  /** A page of a context of its own, as another computer or phone would be. */
  newPage(context?: BrowserContextOptions): Promise<Page>;
  /** The app opened on a new device, enrolled for `office`, and the `role` signed in. */
  newDevice(options: DeviceOptions): Promise<Device>;
  /** The page as it is, into `<name>.png`. */
  shot(page: Page, name: string): Promise<void>;
  /** The app's screen in Kazakh (`<name>-kk.png`), then in Russian, then Kazakh again. */
  shoot(page: Page, name: string): Promise<void>;
  /** Saves `page` into `<name>.png` when the file's tests are over, whatever happened. */
  keepLastScreen(page: Page, name: string): void;
  /** The last screens, then the browser and the server. */
  close(): Promise<void>;
}

export interface SuiteOptions {
  /** the server's settings, e.g. `PUBLIC_URL` */
  env?: Record<string, string>;
}

export async function startBrowserSuite(options: SuiteOptions = {}): Promise<BrowserSuite> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = new ServerProcess(await freePort(), options.env);
  await server.start();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const lastScreens: { page: Page; name: string }[] = [];
  const png = (name: string) => join(ARTIFACTS, `${name}.png`);

  const newPage = async (context: BrowserContextOptions = {}) =>
    (await browser.newContext({ ...DEVICE_CONTEXT, ...context })).newPage();

  return {
    server,
    browser,
    newPage,
    async newDevice({ office, role, serviceWorker, context }) {
      const page = await newPage(context);
      const app = new AppPage(page);
      await app.open(server.url);
      if (serviceWorker) await app.waitForServiceWorker();
      const kind = office.endsWith('-district') ? 'district' : 'akimat';
      await app.enroll(await server.enrollCode(office, kind));
      if (role) await app.signIn(kk.roles[role], DEMO_PINS[role]);
      return { context: page.context(), page, app };
    },
    async shot(page, name) {
      await page.screenshot({ path: png(name), fullPage: true });
    },
    async shoot(page, name) {
      const app = new AppPage(page);
      await page.screenshot({ path: png(`${name}-kk`), fullPage: true });
      await app.switchLanguage('ru');
      await page.screenshot({ path: png(`${name}-ru`), fullPage: true });
      await app.switchLanguage('kk');
    },
    keepLastScreen(page, name) {
      lastScreens.push({ page, name });
    },
    async close() {
      for (const { page, name } of lastScreens) {
        await page.screenshot({ path: png(name), fullPage: true }).catch(() => {});
      }
      try {
        await browser.close();
      } finally {
        await server.stop();
      }
    },
  };
}
