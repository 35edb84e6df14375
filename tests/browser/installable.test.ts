/**
 * The app as something to install, in a real Chromium against the built app and the real
 * server:
 *
 * - the manifest the server sends names and describes the app in Kazakh and in Russian, with
 *   no English, and says it speaks Kazakh;
 * - every icon it lists is a PNG (or the SVG) of the pixel size it declares, with a maskable one
 *   whose background reaches every edge and whose picture stays inside the safe zone; index.html
 *   links a 180 × 180 apple-touch-icon with no transparent corner;
 * - on a device where the app runs in a tab, Today shows why and how to install, in Kazakh and
 *   in Russian; the browser's offer, when it comes, is taken over and its dialog opened by the
 *   Install button; hidden for good from Today once dismissed, across a reload, while the Sync
 *   screen keeps it; and nowhere in the installed app's own window.
 *
 * One server and one browser for the file; the tests run in order and share the device.
 * Screenshots of the hint in Kazakh and Russian go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app';
import { InstallHintPage } from './pages/install';
import { launchChromium } from './support/browser';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

/** Letters Kazakh writes and Russian does not. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}
interface Manifest {
  name: string;
  short_name: string;
  description: string;
  lang: string;
  icons: ManifestIcon[];
}

/** An image the server sends: its content type and, for a PNG, the decoded pixels. */
async function fetchPng(url: string): Promise<{ type: string; png: PNG }> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  const type = res.headers.get('content-type') ?? '';
  // An unknown path would get index.html (the app's fallback): decoding proves it is a PNG.
  return { type, png: PNG.sync.read(Buffer.from(await res.arrayBuffer())) };
}

/** The RGBA of one pixel. */
function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0];
}

const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

describe('installable', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let app: AppPage;
  let install: InstallHintPage;
  let manifest: Manifest;

  /** Reloads the page and waits until Today is drawn again, signed in as before. */
  async function reloadToday(): Promise<void> {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
    await page.getByTestId('today-as-of').waitFor();
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    page = await context.newPage();
    app = new AppPage(page);
    install = new InstallHintPage(page);
    await app.open(server.url);
    await app.waitForServiceWorker();
    await app.enroll(await server.enrollCode('akt-01', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
    await page.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names and describes the app in Kazakh and Russian, in Kazakh by default', async () => {
    const link = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(link).toBe('/manifest.webmanifest');
    const res = await fetch(`${server.url}${link}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('manifest+json');
    manifest = (await res.json()) as Manifest;

    expect(manifest.lang).toBe('kk');
    for (const text of [manifest.name, manifest.description]) {
      // "Kazakh / Russian": the first half in Kazakh, the second in Russian.
      const [kazakh, russian, ...rest] = text.split(' / ');
      expect(rest, text).toEqual([]);
      expect(kazakh, text).toMatch(KAZAKH_LETTERS);
      expect(russian, text).toMatch(/[а-яё]{4}/i);
      expect(russian, text).not.toMatch(KAZAKH_LETTERS);
    }
    expect(manifest.name).toContain('құжаттарды қабылдау');
    expect(manifest.name).toContain('приём документов');
    // The app's own name is the only Latin word: no English description.
    expect(manifest.description).not.toMatch(/[a-z]/i);
    expect(manifest.name.replace('Qabyldau', '')).not.toMatch(/[a-z]/i);
    expect(manifest.short_name).toBe('Qabyldau');
  });

  it('lists icons of the sizes they declare, 192 and 512, and a maskable one inside the safe zone', async () => {
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of pngs) {
      const { type, png } = await fetchPng(`${server.url}${icon.src}`);
      expect(type, icon.src).toBe('image/png');
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
      // The picture is there: the centre is drawn, not transparent.
      expect(pixel(png, png.width >> 1, png.height >> 1)[3], icon.src).toBe(255);
    }

    const maskable = pngs.find((icon) => icon.purpose === 'maskable');
    const { png } = await fetchPng(`${server.url}${maskable?.src}`);
    // Full bleed: the four corners are the opaque background.
    const background = pixel(png, 0, 0);
    expect(background[3]).toBe(255);
    const last = png.width - 1;
    for (const [x, y] of [
      [last, 0],
      [0, last],
      [last, last],
    ] as const) {
      expect(pixel(png, x, y)).toEqual(background);
    }
    // Safe zone: a launcher's mask may cut anything outside the centred circle of 40 % of the
    // size; there is only background there, and the picture is inside.
    const centre = png.width / 2;
    const safeRadius = 0.4 * png.width;
    let outsideNotBackground = 0;
    let insidePicture = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const isBackground = same(pixel(png, x, y), background);
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safeRadius) {
          if (!isBackground) outsideNotBackground++;
        } else if (!isBackground) insidePicture++;
      }
    }
    expect(outsideNotBackground).toBe(0);
    expect(insidePicture).toBeGreaterThan(0.1 * Math.PI * safeRadius ** 2);
  });

  it('links a 180 × 180 apple-touch-icon with no transparent corner from index.html', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const href = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('/apple-touch-icon.png');
    const { type, png } = await fetchPng(`${server.url}${href}`);
    expect(type).toBe('image/png');
    expect([png.width, png.height]).toEqual([180, 180]);
    // iOS rounds the corners itself and fills transparent ones with black.
    for (const [x, y] of [
      [0, 0],
      [179, 0],
      [0, 179],
      [179, 179],
    ] as const) {
      expect(pixel(png, x, y)[3]).toBe(255);
    }
  });

  it('tells why and how to install on Today, in Kazakh and in Russian', async () => {
    const hint = install.hint('kk');
    await hint.waitFor();
    expect(await hint.textContent()).toContain(kk.install.why);
    // No offer from the browser yet: the words for its menu, and no Install button.
    expect(await hint.textContent()).toContain(kk.install.how);
    expect(await install.installButton('kk').count()).toBe(0);
    expect(await install.dismissButton('kk').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'install-hint-kk.png') });

    await app.switchLanguage('ru');
    const hintRu = install.hint('ru');
    await hintRu.waitFor();
    const textRu = (await hintRu.textContent()) ?? '';
    expect(textRu).toContain(ru.install.why);
    expect(textRu).toContain(ru.install.how);
    expect(textRu).toContain(ru.install.stays);
    expect(textRu).not.toMatch(KAZAKH_LETTERS);
    await page.screenshot({ path: join(ARTIFACTS, 'install-hint-ru.png') });
    await app.switchLanguage('kk');
    await install.hint('kk').waitFor();
  });

  it('opens the browser’s install dialog from the Install button when the browser offers it', async () => {
    // The person closes the dialog: the offer is spent, the hint says how to install instead.
    expect(await install.offer('dismissed')).toBe(true);
    await install.installButton().waitFor();
    await install.hint().screenshot({ path: join(ARTIFACTS, 'install-hint-offer-kk.png') });
    await install.installButton().click();
    await install.installButton().waitFor({ state: 'detached' });
    expect(await install.promptCalls()).toBe(1);
    expect(await install.hint().textContent()).toContain(kk.install.how);

    // A new offer, accepted: the app is installed and the tab shows no hint.
    expect(await install.offer('accepted')).toBe(true);
    await install.installButton().click();
    await install.hint().waitFor({ state: 'detached' });
    expect(await install.promptCalls()).toBe(2);
  });

  it('hides the hint from Today for good once dismissed, and keeps it on the Sync screen', async () => {
    // Still a tab after the reload (the browser would open the installed app in its own window).
    await reloadToday();
    await install.hint().waitFor();
    await install.dismissButton().click();
    await install.hint().waitFor({ state: 'detached' });

    await reloadToday();
    // Today and its hint are drawn from the same stores in the same render.
    expect(await install.hint().count()).toBe(0);

    await app.goto('sync');
    await page.getByRole('heading', { level: 1, name: kk.sync.title }).waitFor();
    const onSync = install.hint();
    await onSync.waitFor();
    expect(await onSync.textContent()).toContain(kk.install.why);
    expect(await install.dismissButton().count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'install-hint-sync-kk.png'), fullPage: true });
  });

  it('shows no hint in the installed app’s own window', async () => {
    // Chromium's window of an installed app answers `display-mode: standalone`; DevTools cannot
    // emulate that media feature, so the page's `matchMedia` answers as that window would.
    await page.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        query.includes('display-mode: standalone')
          ? matchMedia('(min-width: 0px)')
          : matchMedia(query);
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: kk.sync.title }).waitFor();
    await page.getByTestId('pending-count').waitFor();
    expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(true);
    expect(await install.hint().count()).toBe(0);
  });
});
