/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The app's version, package.json's, written in by the build (vite.config.ts). */
declare const __APP_VERSION__: string;
