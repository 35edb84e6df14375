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
      includeAssets: ['icon.svg'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // `/s/…`: the citizen's status page, rendered by the server, never the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/s\//],
        cleanupOutdatedCaches: true,
      },
      manifest: {
        name: 'Qabyldau — құжаттарды қабылдау',
        short_name: 'Qabyldau',
        lang: 'kk',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5c7a',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', sourcemap: false },
});
