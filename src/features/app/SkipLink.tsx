/**
 * The first stop of the Tab key on every screen: a skip link, shown only while it has the focus,
 * that moves the focus past the header and the navigation to the screen's main content. The
 * router lives in the URL's hash, so it is a button that moves the focus itself: a link to
 * `#main` would change the screen.
 */
import { useTranslation } from 'react-i18next';

function focusMain(): void {
  const main = document.querySelector('main');
  if (!main) return;
  // A <main> takes the focus only when told it may; -1 keeps it out of the Tab order.
  if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
  main.focus();
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <button type="button" className="skip-link" onClick={focusMain}>
      {t('a11y.skipToMain')}
    </button>
  );
}
