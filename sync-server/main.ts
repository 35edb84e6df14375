/**
 * Starts the district sync server: opens the store chosen by the environment (see db/open.ts),
 * migrates it, creates the demo district on an empty database unless `DEMO=0` (a real district,
 * docs/operations.md), serves the API and the built app on PORT (default 8080), and shuts down
 * cleanly on SIGTERM/SIGINT so no push is cut mid-commit. A demo district nobody has worked in
 * yet gets weeks of work made once, in the background (`demo/autostart.ts`, `DEMO_ACTIVITY=0`
 * to leave it empty). `PIN_COST=low` lowers the cost of PIN verifiers for tests and the
 * benchmark only (`sync/pin-work.ts`), with a warning in the log.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { systemClock } from './clock';
import { describeStore, openStore, storeConfigFromEnv } from './db/open';
import { claimDemoActivity, startDemoActivity } from './demo/autostart';
import { trustedProxiesFromEnv } from './http/trusted-proxies';
import { printStartBanner } from './seed/banner';
import { ensureDemoDistrict } from './seed/demo';
import { pinCostFromEnv } from './sync/pin-work';
import { applyServerPublicUrl, publicUrlFromEnv } from './sync/public-url';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '0.0.0.0';
  const config = storeConfigFromEnv();
  // Read before the store opens: a wrong value stops the start with nothing touched.
  const trustedProxies = trustedProxiesFromEnv(process.env);
  const publicUrl = publicUrlFromEnv(process.env);
  const pin = pinCostFromEnv(process.env);
  const db = await openStore(config);
  const isNewDemo = await ensureDemoDistrict(db, systemClock.now(), process.env, pin.cost);
  await applyServerPublicUrl(db, publicUrl, systemClock.now());

  const distDir = fileURLToPath(new URL('../dist', import.meta.url));
  const app = await buildServer({
    db,
    clock: systemClock,
    distDir,
    logger: true,
    trustedProxies,
    pinCost: pin.cost,
  });
  if (pin.isLowered) {
    app.log.warn(
      { pinCost: pin.cost },
      'PIN cost lowered (PIN_COST=low): PINs made now are cheap to guess; for tests and benchmarks only',
    );
  }
  await app.listen({ port, host });
  await printStartBanner(db, { port, store: describeStore(config), isNewDemo });
  // After listening: the run syncs its devices through its own server on the same store, and
  // whoever opens the app meanwhile is served.
  let activity: ChildProcess | null = null;
  if (await claimDemoActivity(db, systemClock.now())) {
    // The project's directory: this file is dist-server/main.js, or sync-server/main.ts under tsx.
    const root = fileURLToPath(new URL('..', import.meta.url));
    activity = startDemoActivity(root, {
      info: (message) => app.log.info(message),
      error: (message) => app.log.error(message),
    });
  }

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    // A demo activity still running stops with the server rather than write on its own.
    if (activity && activity.exitCode === null) activity.kill('SIGTERM');
    // close() stops accepting connections and waits for requests in flight, so a push that is
    // committing finishes and gets its answer; then the database closes.
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
