import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The app is served by the district server from `dist/`. The service worker precaches the
// whole app so it starts with no connection; API calls always go to the network.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // `/s/…`: the citizen's status page, rendered by the server, never the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/s\//],
        cleanupOutdatedCaches: true,
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
