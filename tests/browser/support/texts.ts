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
