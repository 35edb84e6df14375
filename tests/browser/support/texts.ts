/**
 * Every interface text the browser tests read labels from: the start-up dictionary and the work
 * screens' one together, as the app has them once a work screen has opened.
 */
import { kk as kkStart } from '../../../src/i18n/kk';
import { ru as ruStart } from '../../../src/i18n/ru';
import { kkWork } from '../../../src/i18n/work/kk';
import { ruWork } from '../../../src/i18n/work/ru';

export const kk = { ...kkStart, ...kkWork };
export const ru = { ...ruStart, ...ruWork };

/** A text with its `{{name}}` places filled, as i18next fills them. */
export function filled(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The wrong-PIN message with the tries left, in Kazakh. */
export const pinWrong = (triesLeft: number): string =>
  filled(kk.errors['pin-wrong'], { triesLeft });
