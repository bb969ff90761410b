import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // lib/content starts with `import 'server-only'`, which throws outside React Server
      // Components; Next resolves it to this empty file under the react-server condition.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'e2e/a11y/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    environment: 'node',
  },
});
