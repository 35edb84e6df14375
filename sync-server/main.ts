/**
 * Starts the district sync server: opens the store chosen by the environment (see db/open.ts),
 * migrates it, creates the demo district on an empty database unless `DEMO=0` (a real district,
 * docs/operations.md), serves the API and the built app on PORT (default 8080), and shuts down
 * cleanly on SIGTERM/SIGINT so no push is cut mid-commit.
 */
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { systemClock } from './clock';
import { describeStore, openStore, storeConfigFromEnv } from './db/open';
import { trustedProxiesFromEnv } from './http/trusted-proxies';
import { printStartBanner } from './seed/banner';
import { ensureDemoDistrict } from './seed/demo';
import { applyServerPublicUrl, publicUrlFromEnv } from './sync/public-url';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '0.0.0.0';
  const config = storeConfigFromEnv();
  // Read before the store opens: a wrong value stops the start with nothing touched.
  const trustedProxies = trustedProxiesFromEnv(process.env);
  const publicUrl = publicUrlFromEnv(process.env);
  const db = await openStore(config);
  const isNewDemo = await ensureDemoDistrict(db, systemClock.now());
  await applyServerPublicUrl(db, publicUrl, systemClock.now());

  const distDir = fileURLToPath(new URL('../dist', import.meta.url));
  const app = await buildServer({
    db,
    clock: systemClock,
    distDir,
    logger: true,
    trustedProxies,
  });
  await app.listen({ port, host });
  await printStartBanner(db, { port, store: describeStore(config), isNewDemo });

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
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
