import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const web = (path: string) => fileURLToPath(new URL(`./web/${path}`, import.meta.url));

/**
 * The browser side: the hosted messenger page and the admin console (hashed, immutable
 * assets under /assets/), and the loader that sites embed, which keeps its fixed name
 * `messenger.js`.
 */
export default defineConfig({
  root: web(''),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be an inline script, which the page's CSP refuses.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        messenger: web('messenger.html'),
        console: web('console.html'),
        loader: web('loader/messenger.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'loader' ? 'messenger.js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
