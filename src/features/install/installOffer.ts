/**
 * Whether the app runs installed, and the browser's offer to install it (Chromium's
 * `beforeinstallprompt`), kept from the moment the app starts: the offer comes once, early,
 * usually before the screen that shows the install hint is drawn. Browsers without the event
 * (Safari, Firefox) install from their own menu; the hint says how.
 */
import { create } from 'zustand';

/** Chromium's event; not in TypeScript's DOM library. */
interface InstallOfferEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

interface InstallOfferState {
  /** the browser's offer, until it is used: one offer prompts once */
  offer: InstallOfferEvent | null;
  isInstalled: boolean;
}

const STANDALONE = '(display-mode: standalone)';

/** Running in the installed app's own window (Safari's home-screen app says so otherwise). */
function isStandalone(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone;
  return window.matchMedia?.(STANDALONE).matches === true || iosStandalone === true;
}

export const useInstallOffer = create<InstallOfferState>()(() => ({
  offer: null,
  isInstalled: false,
}));

/** Listens for the offer and for the installation; called once as the app starts. */
export function watchInstallation(): void {
  useInstallOffer.setState({ isInstalled: isStandalone() });
  window.addEventListener('beforeinstallprompt', (event) => {
    if (typeof (event as InstallOfferEvent).prompt !== 'function') return;
    // The hint offers it with the reason to install; the browser's own bar would not say why.
    event.preventDefault();
    useInstallOffer.setState({ offer: event as InstallOfferEvent });
  });
  window.addEventListener('appinstalled', () =>
    useInstallOffer.setState({ offer: null, isInstalled: true }),
  );
  // Chromium moves the tab into the app's window once installed from it.
  window.matchMedia?.(STANDALONE).addEventListener?.('change', (query) => {
    if (query.matches) useInstallOffer.setState({ isInstalled: true });
  });
}

/** Shows the browser's install dialog; the offer is spent whatever the answer. */
export async function acceptInstallOffer(): Promise<void> {
  const { offer } = useInstallOffer.getState();
  if (!offer) return;
  useInstallOffer.setState({ offer: null });
  try {
    await offer.prompt();
    const { outcome } = await offer.userChoice;
    if (outcome === 'accepted') useInstallOffer.setState({ isInstalled: true });
  } catch {
    // A browser that refuses the dialog (an offer already used) still installs from its menu,
    // which the hint now explains.
  }
}
