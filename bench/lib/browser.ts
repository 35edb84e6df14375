/**
 * The browser side of the bench: Debian's Chromium (the browser tests' launcher), the built app
 * served by the real server, a page per device enrolled and signed in through the app's own
 * screens, and the bench script (bench/browser/entry.ts) built with Vite and added to a page.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import type { StaffRole } from '../../src/domain/roles';
import { kk } from '../../src/i18n/kk';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import { launchChromium } from '../../tests/browser/support/browser';
import type { BenchApi } from '../browser/entry';
import { ROOT } from './server';

export { launchChromium };

let bundle: string | undefined;

/** The bench script as one classic script, built once per run. */
export async function benchScript(): Promise<string> {
  if (bundle) return bundle;
  const outDir = mkdtempSync(join(tmpdir(), 'qabyldau-bench-script-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      copyPublicDir: false,
      lib: {
        entry: join(ROOT, 'bench', 'browser', 'entry.ts'),
        formats: ['iife'],
        name: 'qabyldauBenchModule',
        fileName: () => 'bench.js',
      },
    },
  });
  bundle = readFileSync(join(outDir, 'bench.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return bundle;
}

/** Run a function of the bench script in the page (adding the script first if needed). */
export async function bench<K extends keyof BenchApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  const loaded = await page.evaluate(() => 'qabyldauBench' in globalThis);
  if (!loaded) await page.addScriptTag({ content: await benchScript() });
  return page.evaluate(
    ([n, a]) => {
      const api = (
        globalThis as unknown as {
          qabyldauBench: Record<string, (...a: unknown[]) => unknown>;
        }
      ).qabyldauBench;
      return api[n as string]?.(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

export async function newDeviceContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
  // Functions the bench hands to page.evaluate are compiled by tsx, which names them through a
  // `__name` helper that only exists in Node; the page gets a stand-in.
  await context.addInitScript('globalThis.__name = (f) => f;');
  return context;
}

/** Until the service worker controls the page, so the app can start offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

/** Enroll with a code the way a QR link does (`#/enroll/<code>`), then wait for sign-in. */
export async function enrollInPage(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/#/enroll/${code}`);
  await page.getByRole('button', { name: kk.enroll.submit }).click();
  await page.getByRole('heading', { name: kk.signIn.title }).waitFor({ timeout: 120_000 });
}

/**
 * The demo PIN (six digits, ADR 0015) of the person whose role, as the sign-in list shows it in
 * Kazakh (`kk.roles.…`), is `personText`.
 */
export function demoPinOf(personText: string): string {
  const role = (Object.keys(kk.roles) as StaffRole[]).find((r) => kk.roles[r] === personText);
  if (!role) throw new Error(`"${personText}" is not a role; give the PIN`);
  return DEMO_PINS[role];
}

/**
 * Sign in through the form (the demo PIN of the role unless `pin` is given); returns the session
 * entry, for other tabs of the same device. A first sign-in on a device is checked by the server
 * and sealed here with Argon2, which takes a second or two at the standard cost.
 */
export async function signInInPage(
  page: Page,
  personText: string,
  pin = demoPinOf(personText),
): Promise<string> {
  const select = page.getByLabel(kk.signIn.person);
  await select.locator('option').first().waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  // "әкім" is also inside "әкім аппаратының маманы": a role is the option's whole ending.
  const label =
    options.find((o) => o.endsWith(`— ${personText}`)) ??
    options.find((o) => o.includes(personText));
  if (!label) throw new Error(`no staff option with "${personText}"`);
  await select.selectOption({ label });
  await page.getByLabel(kk.signIn.pin, { exact: true }).fill(pin);
  await page.getByRole('button', { name: kk.signIn.submit }).click();
  await page.getByRole('navigation').waitFor({ timeout: 60_000 });
  return page.evaluate(() => sessionStorage.getItem('qabyldau-session') ?? '');
}

/** New tabs of the context start signed in as the person of `session` (sessionStorage is per tab). */
export async function keepSignedIn(context: BrowserContext, session: string): Promise<void> {
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('qabyldau-session')) {
      sessionStorage.setItem('qabyldau-session', value);
    }
  }, session);
}

export const SYNC_LABEL = kk.sync.now;

/** Chromium's 2G preset as the brief states it: 31,250 B/s down, 12,500 B/s up, 400 ms. */
export async function emulate2g(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 31_250,
    uploadThroughput: 12_500,
  });
}

export async function unthrottle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}

/** Whether dist/ is missing or older than the app's sources. */
export function distIsStale(): boolean {
  const index = join(ROOT, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime(join(ROOT, 'src')) > statSync(index).mtimeMs;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}
