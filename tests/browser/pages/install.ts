/**
 * The install hint's page model: the hint as a region named by its heading, in Kazakh or
 * Russian, its buttons, and the browser's install offer played by the test — a
 * `beforeinstallprompt` event whose `prompt()` counts its calls and answers as the person would.
 */
import type { Locator, Page } from 'playwright-core';
import { kk, ru } from '../support/texts';

type Lang = 'kk' | 'ru';
const TEXTS = { kk, ru } as const;

interface PromptCounter {
  installPrompts: number;
}

export class InstallHintPage {
  constructor(readonly page: Page) {}

  /** The hint on the screen, found by its heading in `lang`. */
  hint(lang: Lang = 'kk'): Locator {
    return this.page.getByRole('region', { name: TEXTS[lang].install.title });
  }

  installButton(lang: Lang = 'kk'): Locator {
    return this.hint(lang).getByRole('button', { name: TEXTS[lang].install.install });
  }

  dismissButton(lang: Lang = 'kk'): Locator {
    return this.hint(lang).getByRole('button', { name: TEXTS[lang].install.dismiss });
  }

  /**
   * The browser offers installation, as Chromium does with `beforeinstallprompt`; the person
   * will answer the dialog with `outcome`. True when the app took the offer over
   * (`preventDefault`, so the browser's own bar stays away).
   */
  offer(outcome: 'accepted' | 'dismissed'): Promise<boolean> {
    return this.page.evaluate((answer) => {
      const counter = window as unknown as PromptCounter;
      counter.installPrompts ??= 0;
      const event = new Event('beforeinstallprompt', { cancelable: true });
      const choice = { outcome: answer, platform: 'web' };
      Object.assign(event, {
        prompt: () => {
          counter.installPrompts += 1;
          return Promise.resolve(choice);
        },
        userChoice: Promise.resolve(choice),
      });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    }, outcome);
  }

  /** How many times the app called the offer's `prompt()`. */
  promptCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as PromptCounter).installPrompts ?? 0);
  }
}
