/**
 * The app's PNG icons, drawn from `public/icon.svg` by Debian's Chromium (playwright-core), so
 * the SVG stays the one source of the picture. Run `npm run icons` after changing the SVG and
 * commit the PNGs: they are source assets the manifest and `index.html` name.
 *
 * - `icon-192.png`, `icon-512.png` (purpose `any`): the SVG as it is, rounded corners
 *   transparent;
 * - `icon-maskable-512.png` (purpose `maskable`): the background to every edge and the picture
 *   shrunk into the safe zone, the centred circle of 40 % of the icon's size that every
 *   launcher's mask (circle, squircle, rounded square) keeps;
 * - `apple-touch-icon.png` (180 × 180): the background to every edge, the picture as it is: iOS
 *   rounds the corners itself and would fill transparent ones with black.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/support/browser';

const PUBLIC = join(import.meta.dirname, '..', 'public');

interface Variant {
  file: string;
  size: number;
  isFullBleed: boolean;
  /** the radius, as a share of the size, the picture's bounding box is shrunk into; none: as is */
  safeRadius?: number;
}

// 0.4 is the maskable safe zone; a little less keeps the round ends of strokes off its edge.
const VARIANTS: Variant[] = [
  { file: 'icon-192.png', size: 192, isFullBleed: false },
  { file: 'icon-512.png', size: 512, isFullBleed: false },
  { file: 'icon-maskable-512.png', size: 512, isFullBleed: true, safeRadius: 0.38 },
  { file: 'apple-touch-icon.png', size: 180, isFullBleed: true },
];

const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  for (const variant of VARIANTS) {
    const page = await browser.newPage({
      viewport: { width: variant.size, height: variant.size },
      deviceScaleFactor: 1,
    });
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    await page.evaluate(({ size, isFullBleed, safeRadius }) => {
      const root = document.querySelector('svg');
      if (!root) throw new Error('public/icon.svg holds no <svg>');
      const box = root.viewBox.baseVal;
      // The background is the rectangle that covers the whole view box.
      const background = [...root.querySelectorAll('rect')].find(
        (r) => r.width.baseVal.value === box.width && r.height.baseVal.value === box.height,
      );
      if (!background) throw new Error('public/icon.svg has no full-size background <rect>');
      if (isFullBleed) background.removeAttribute('rx');
      if (safeRadius !== undefined) {
        const ns = 'http://www.w3.org/2000/svg';
        const picture = document.createElementNS(ns, 'g');
        for (const child of [...root.children]) {
          if (child !== background && child.tagName !== 'title') picture.append(child);
        }
        root.append(picture);
        // The bounding box's half diagonal bounds every point of the picture from its centre.
        const bbox = picture.getBBox();
        const halfDiagonal = Math.hypot(bbox.width, bbox.height) / 2;
        const scale = (safeRadius * box.width) / halfDiagonal;
        const [cx, cy] = [bbox.x + bbox.width / 2, bbox.y + bbox.height / 2];
        picture.setAttribute(
          'transform',
          `translate(${box.x + box.width / 2} ${box.y + box.height / 2}) scale(${scale}) translate(${-cx} ${-cy})`,
        );
      }
      root.setAttribute('width', String(size));
      root.setAttribute('height', String(size));
      root.style.display = 'block';
    }, variant);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(PUBLIC, variant.file), png);
    console.log(`public/${variant.file}: ${variant.size}×${variant.size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
