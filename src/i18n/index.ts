/**
 * Interface and paper texts in Kazakh (the default) and Russian, through i18next. `kk.ts` is the
 * reference dictionary; `ru.ts` must have the same keys (the type checker enforces it). Error
 * codes from `src/domain/errors.ts` are translated here and nowhere else: `describeProblem`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Problem } from '../domain/errors';
import { kk } from './kk';
import { ru } from './ru';

export const resources = { kk: { translation: kk }, ru: { translation: ru } } as const;

export function initI18n(lang: 'kk' | 'ru') {
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'kk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
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
