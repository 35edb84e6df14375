/**
 * Seeded randomness for the demo district's activity (and the chaos test's harness, which names
 * its root stream `root`). One seed names a whole run; each part of
 * it (an office's applicants, one case's fate) draws from its own stream derived from the seed
 * and a name, so what one office does never shifts what another does.
 *
 * A `Deck` deals outcomes in fixed proportions in a seeded order, like cards: one case in eight
 * returned, one draft in eight sent back. Coin flips would leave a short run with no return at
 * all now and then; a deck cannot, so every run shows every kind of work the demo promises.
 */

/** FNV-1a over the text, then mixed: a 32-bit stream seed from a run seed and a name. */
function hashSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: small, fast, and plenty for choosing names and outcomes. */
export class Rng {
  private state: number;

  constructor(
    readonly seed: number,
    readonly name = 'demo',
  ) {
    this.state = hashSeed(seed, name);
  }

  /** An independent stream for a named part of the same run. */
  fork(name: string): Rng {
    return new Rng(this.seed, `${this.name}/${name}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return (entries.at(-1) as [K, number])[0];
  }
}

/** Outcomes dealt in fixed proportions: every card once per shuffle, then a new shuffle. */
export class Deck<T> {
  private hand: T[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly cards: readonly T[],
  ) {
    if (cards.length === 0) throw new Error('a deck needs cards');
  }

  /** `n` cards of `yes` among `of`, the rest `no`: "one in eight". */
  static oneIn(rng: Rng, n: number, of: number): Deck<boolean> {
    return new Deck(rng, [
      ...Array.from({ length: n }, () => true),
      ...Array.from({ length: of - n }, () => false),
    ]);
  }

  draw(): T {
    if (this.hand.length === 0) this.hand = this.rng.shuffle(this.cards);
    return this.hand.pop() as T;
  }
}
