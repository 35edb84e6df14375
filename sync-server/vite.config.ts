/**
 * The district server built for production: `sync-server/main.ts` and what it imports from the
 * repository (the shared domain) in one ES module, `dist-server/main.js`, run by plain Node.
 * Dependencies stay external and load from node_modules, so native ones (better-sqlite3) work as
 * installed. Running the built file rather than the sources under tsx saves the loader's worker
 * thread and transform cache, about 28 MB of the server's memory.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // The browser app's public/ has nothing to do with the server.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'sync-server/main.ts',
    // Beside dist/: main.ts finds the built app at ../dist from its own location.
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces in the server's log.
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
});
