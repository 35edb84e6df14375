/**
 * Seeded randomness for the chaos harness: the demo's seeded streams (sync-server/demo/random.ts).
 * One seed names a whole run; every actor (each device's workload, each device's share of network
 * faults, the restart schedule) draws from its own stream derived from the seed and the actor's
 * name, so what one device does and suffers does not shift when another device happens to run
 * faster. Replaying a seed replays the same workload and the same faults request by request; only
 * the interleaving between devices is left to the operating system. The root stream is `root`.
 */
export { Rng } from '../../sync-server/demo/random';

/** A fresh seed for a run that was not given one. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
