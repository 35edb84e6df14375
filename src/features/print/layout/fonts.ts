/**
 * The papers' typeface: Noto Sans from @fontsource/noto-sans, bundled with the app (the service
 * worker precaches the files with the rest of `dist/`), so a talon prints with ә ғ қ ң ө ұ ү һ і
 * and ₸ on a laptop that has no font with them, offline too.
 *
 * The faces are registered under a family name of the app's own, so a paper never prints with
 * some other "Noto Sans" a machine may have installed, and only when a paper is opened: the
 * interface does not wait for them. Four of the package's subsets cover what papers print:
 * Cyrillic (Russian and І і Ұ ұ), Cyrillic Extended (Ә Ғ Қ Ң Ө Ү Һ), Latin, and Latin Extended
 * (its currency block holds ₸, U+20B8). Their unicode ranges are the package's own
 * (`@fontsource/noto-sans/<subset>-400.css`), so the browser fetches a file only for the
 * characters a paper has.
 */
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff2';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2';

export const PAPER_FONT_FAMILY = 'Qabyldau Paper Sans';

const RANGES = {
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
  cyrillicExt: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  latinExt:
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

const FACES: readonly { url: string; weight: '400' | '700'; range: string }[] = [
  { url: cyrillic400, weight: '400', range: RANGES.cyrillic },
  { url: cyrillic700, weight: '700', range: RANGES.cyrillic },
  { url: cyrillicExt400, weight: '400', range: RANGES.cyrillicExt },
  { url: cyrillicExt700, weight: '700', range: RANGES.cyrillicExt },
  { url: latin400, weight: '400', range: RANGES.latin },
  { url: latin700, weight: '700', range: RANGES.latin },
  { url: latinExt400, weight: '400', range: RANGES.latinExt },
  { url: latinExt700, weight: '700', range: RANGES.latinExt },
];

let loading: Promise<void> | null = null;

/**
 * Registers the faces and loads them all, once. A paper is marked ready to print only after
 * this: a talon printed a moment earlier would come out in a fallback font. A face that cannot
 * load (a file missing after an update) is tried again on the next paper.
 */
export function loadPaperFonts(): Promise<void> {
  loading ??= Promise.all(
    FACES.map((face) => {
      const font = new FontFace(PAPER_FONT_FAMILY, `url(${face.url}) format('woff2')`, {
        weight: face.weight,
        style: 'normal',
        unicodeRange: face.range,
        display: 'block',
      });
      document.fonts.add(font);
      return font.load();
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
