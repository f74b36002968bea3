import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The engine's package.json exports a `source` condition (its TypeScript sources): the browser
// bundles the very code the server runs, so both always agree.
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['source', 'browser', 'module', 'import', 'default'],
    alias: [
      // RJSF's Ant Design parts one by one (the package exports only its index, which builds the whole theme).
      { find: /^@rjsf\/antd\/lib\/(.*)$/, replacement: fileURLToPath(new URL('./node_modules/@rjsf/antd/lib/$1', import.meta.url)) },
      // Form texts are plain text: see src/shared/rjsf/PlainMarkdown.tsx.
      { find: /^markdown-to-jsx\/react$/, replacement: fileURLToPath(new URL('./src/shared/rjsf/PlainMarkdown.tsx', import.meta.url)) },
    ],
  },
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The engine is pure (no I/O, no top-level effects): let unused exports of its barrel drop out,
      // so the shell does not carry ajv and json-rules-engine for one helper.
      treeshake: { moduleSideEffects: (id) => !id.includes('/packages/engine/src/') },
      output: {
        manualChunks(id) {
          if (/node_modules\/\.pnpm\/(react|react-dom|scheduler|react-router)@/.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
