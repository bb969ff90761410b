import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // lib/content starts with `import 'server-only'`; its react-server export is empty.
    conditions: ['react-server'],
    alias: { '@': path.resolve(__dirname) },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Node itself resolves externalized packages and ignores resolve.conditions, so let
    // Vite resolve server-only (to its empty react-server entry) instead.
    server: { deps: { inline: ['server-only'] } },
  },
});
