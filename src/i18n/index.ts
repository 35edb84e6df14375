/**
 * Interface and paper texts in Kazakh (the default) and Russian, through i18next. `kk.ts` is the
 * reference dictionary; `ru.ts` must have the same keys (the type checker enforces it). Error
 * codes from `src/domain/errors.ts` are translated here and nowhere else: `describeProblem`.
 *
 * Only Kazakh is part of the start-up script; the Russian dictionary is a chunk of its own,
 * loaded when Russian is chosen (the service worker precaches it, so that works offline too).
 * The work screens' texts (`work/`) are a chunk of their own in each language too, loaded with
 * the first of those screens: the journal and the intake start without them.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Problem } from '../domain/errors';
import { kk } from './kk';

type Lang = 'kk' | 'ru';

/** The language asked for last: a slow Russian load must not override a later switch back. */
let wanted: Lang = 'kk';

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { kk: { translation: kk } },
    lng: 'kk',
    fallbackLng: 'kk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Languages whose work-screen texts are in i18next's store. */
const withWork = new Set<Lang>();
let isWorkWanted = false;

async function addWorkTexts(lang: Lang): Promise<void> {
  if (withWork.has(lang)) return;
  const texts =
    lang === 'kk' ? (await import('./work/kk')).kkWork : (await import('./work/ru')).ruWork;
  // Deep, so the groups sit beside the start-up ones under the same keys.
  i18next.addResourceBundle(lang, 'translation', texts, true, false);
  withWork.add(lang);
}

/** The work screens' texts in the current language, and in every language chosen later. */
export async function loadWorkTexts(): Promise<void> {
  isWorkWanted = true;
  await addWorkTexts(wanted);
}

/** Loads the language's dictionary if it is not loaded yet, then switches to it. */
export async function switchLanguage(lang: Lang): Promise<void> {
  wanted = lang;
  if (!i18next.hasResourceBundle(lang, 'translation')) {
    // Only Russian can be missing: Kazakh is loaded by `initI18n`.
    const { ru } = await import('./ru');
    i18next.addResourceBundle('ru', 'translation', ru, true, false);
  }
  if (isWorkWanted) await addWorkTexts(lang);
  if (wanted === lang) await i18next.changeLanguage(lang);
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** A problem's code and details as a sentence in the current language. */
export function describeProblem(t: T, problem: Problem): string {
  return t(`errors.${problem.code}`, {
    ...problem.details,
    defaultValue: t('errors.unknown', { code: problem.code }),
  });
}

export function eventTypeKey(type: string): string {
  return `eventTypes.${type.replace('.', '_')}`;
}
