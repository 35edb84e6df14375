/**
 * A page's network as the device sees it, through the DevTools protocol: offline (the app's
 * sync rounds fail at once and send nothing), online, or online over an emulated 2G link. Going
 * online fires the browser's `online` event, on which the app's sync engine starts a round.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface Link {
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

/** The weak link of the brief: 31,250 B/s down, 12,500 B/s up, 400 ms latency. */
export const LINK_2G: Link = { latency: 400, downloadThroughput: 31_250, uploadThroughput: 12_500 };
const UNLIMITED: Link = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

export class DeviceNetwork {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(context: BrowserContext, page: Page): Promise<DeviceNetwork> {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    return new DeviceNetwork(cdp);
  }

  async offline(): Promise<void> {
    await this.cdp.send('Network.emulateNetworkConditions', { offline: true, ...UNLIMITED });
  }

  async online(link: Link = UNLIMITED): Promise<void> {
    await this.cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
  }
}
