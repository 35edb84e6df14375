/**
 * A checksum of a set of events that both sides compute the same way and that does not depend
 * on order: the count, and the sum modulo 2^32 of a 32-bit FNV-1a hash of each event's id and
 * serverSeq. A device compares its own with the server's for a range of serverSeq and so finds
 * a range where it diverged — a lost page, a half-applied restore — without fetching anything.
 */
export interface RangeChecksum {
  count: number;
  digest: number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function checksumOf(events: Iterable<{ id: string; serverSeq: number }>): RangeChecksum {
  let count = 0;
  let digest = 0;
  for (const event of events) {
    count++;
    digest = (digest + fnv1a(`${event.id}:${event.serverSeq}`)) >>> 0;
  }
  return { count, digest };
}

export function sameChecksum(a: RangeChecksum, b: RangeChecksum): boolean {
  return a.count === b.count && a.digest === b.digest;
}
