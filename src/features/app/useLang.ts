/** The current interface language and a picker for catalog texts in it. */
import type { Localized } from '../../domain/catalog/schema';
import { usePrefs } from '../../state/session';

export function useLang() {
  const lang = usePrefs((s) => s.lang);
  return { lang, loc: (text: Localized | undefined) => (text ? text[lang] : '') };
}
