/**
 * The `@page` rule of the paper on screen: A4 portrait or landscape, or the 80 mm roll. A rule
 * cannot be switched by a class, so the paper writes its own.
 *
 * `@page { size: 80mm auto }` is not valid: Chromium drops it and prints the roll on A4. The roll
 * gets a page as long as the paper instead, measured on screen where the paper is laid out at the
 * roll's printable width, so a receipt printer cuts once, after the last line.
 */
import type { PaperRequest, PaperSize } from '../route';

/** Page margins in mm; the paper on screen is the printable area with these around it. */
export const MARGINS_MM = {
  a4: { portrait: 15, landscape: 10 },
  /** a thermal head does not reach the roll's edges */
  roll: { vertical: 3, horizontal: 4 },
} as const;

/** Longer than any receipt; past it the roll is cut into pages as A4 is. */
const MAX_ROLL_MM = 2000;

interface Props {
  size: PaperSize;
  orientation: PaperRequest['orientation'];
  /** the paper's height on screen in mm, for the roll's page length; null until measured */
  contentMm: number | null;
}

export function PageRule({ size, orientation, contentMm }: Props) {
  let rule: string;
  if (size === 'a4') {
    rule = `@page { size: A4 ${orientation}; margin: ${MARGINS_MM.a4[orientation]}mm; }`;
  } else {
    const { vertical, horizontal } = MARGINS_MM.roll;
    // A few millimetres to spare: print layout may round a line's height up.
    const length = Math.min(MAX_ROLL_MM, Math.ceil((contentMm ?? 100) + 2 * vertical + 6));
    rule = `@page { size: 80mm ${length}mm; margin: ${vertical}mm ${horizontal}mm; }`;
  }
  return <style>{rule}</style>;
}
