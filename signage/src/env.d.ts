/// <reference types="vite/client" />

// Set by vite.config.ts at build time: package version and build stamp.
declare const __SIGNAGE_VERSION__: string;
