import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // next.config.js is CommonJS: the package has no "type" field, as Next expects.
    files: ['next.config.js', 'lib/security/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    ignores: ['.next/**', '.next-bench/**', 'bench/work/**', 'node_modules/**', 'public/uswds/**', 'public/assets/**', 'reports/**', 'test-results/**', 'next-env.d.ts'],
  },
];

export default config;
