import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import notes from './src/features/update/whats-new.json' with { type: 'json' };

/**
 * `version.json` beside the app: the version this build is and what it changed. A device running
 * the previous version reads it from the server when a new service worker waits, to say what the
 * update brings (its own code cannot know). Not precached: it must come from the server.
 */
function releaseFile(): Plugin {
  return {
    name: 'qabyldau-release-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'version.json',
        // The shape of `Release` (src/features/update/whatsNew.ts).
        source: JSON.stringify({
          version: pkg.version,
          notes: (notes as Record<string, unknown>)[pkg.version] ?? null,
        }),
      });
    },
  };
}

// The app is served by the district server from `dist/`. The service worker precaches the
// whole app so it starts with no connection; API calls always go to the network.
export default defineConfig({
  plugins: [
    react(),
    releaseFile(),
    VitePWA({
      // A new version waits until the person takes it, and it is offered only when nothing is
      // unsent and no form is open (src/features/update/). The app registers the worker itself.
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // `/s/…`: the citizen's status page, rendered by the server, never the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/s\//],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so it works offline without a reload;
        // a later version waits for the person (skipWaiting stays off).
        clientsClaim: true,
      },
      // One manifest for both languages: the name on the home screen and in the install dialog
      // is read by Kazakh and Russian speakers alike on a shared office device, and the service
      // worker precaches this one file. (A manifest per language would need the server to vary
      // it by Accept-Language, or script to swap the link, for a name the browser reads once, at
      // installation; the proposed manifest translations are not in browsers yet.)
      manifest: {
        id: '/',
        name: 'Qabyldau — құжаттарды қабылдау / приём документов',
        short_name: 'Qabyldau',
        description:
          'Ауылдық округ әкімі аппаратында мемлекеттік қызметтерге өтініштерді қабылдау, талон беру, ' +
          'ауданға жіберу — байланыс болмаса да. / Приём заявлений на государственные услуги в ' +
          'аппарате акима сельского округа, выдача талонов, передача в район — даже без связи.',
        lang: 'kk',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5c7a',
        // PNGs drawn from icon.svg by scripts/icons.ts; browsers that install want 192 and 512.
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', sourcemap: false },
});
