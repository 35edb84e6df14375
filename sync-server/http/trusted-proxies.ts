/**
 * Which peers may tell the server a client's address in `X-Forwarded-For`. The per-address
 * request limit (`rate-limit.ts`) counts by that address, so a header believed from anyone would
 * let a client reachable from the network name a fresh address on every request and never meet
 * the limit. By default only a proxy on the same machine (loopback) is believed, the setup
 * docs/operations.md describes; a load balancer elsewhere is named in `TRUST_PROXY`.
 */
import { isIP } from 'node:net';

/** proxy-addr's names for address ranges, as Fastify's `trustProxy` takes them. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export const DEFAULT_TRUSTED_PROXIES = ['loopback'];

function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: addresses, subnets (`10.0.0.0/8`) and range names separated by commas; `none`
 * believes nobody (the server faces clients directly). An entry that is none of these stops the
 * start: a typo would otherwise leave the limit counting the proxy as one client, or nothing.
 */
export function trustedProxiesFromEnv(env: Record<string, string | undefined>): string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return DEFAULT_TRUSTED_PROXIES;
  if (raw === 'none') return [];
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isTrustEntry(entry));
  if (wrong.length > 0) {
    throw new Error(
      `TRUST_PROXY: ${wrong.map((entry) => JSON.stringify(entry)).join(', ')} is not an address, ` +
        'a subnet (10.0.0.0/8), loopback, linklocal, uniquelocal or none',
    );
  }
  return entries;
}
