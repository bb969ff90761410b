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
    // Pages are static HTML with no framework runtime (docs/decisions/0017): a link is a plain <a>,
    // and Next's client components (Link, Image, Script, the navigation hooks) would render nothing
    // useful there. next/image's getImageProps gives the image attributes without the component.
    files: ['app/**', 'components/**', 'lib/**'],
    rules: {
      '@next/next/no-html-link-for-pages': 'off',
      '@next/next/no-head-element': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/link', message: 'Pages carry no framework JavaScript: use a plain <a> (docs/decisions/0017).' },
            { name: 'next/script', message: 'Pages carry no framework JavaScript (docs/decisions/0017).' },
            { name: 'next/navigation', message: 'Route handlers return their outcome (lib/render/outcome.ts) instead.' },
            { name: 'next/image', importNames: ['default'], message: 'Use components/responsive-image.tsx (getImageProps), not the client <Image>.' },
          ],
        },
      ],
    },
  },
  {
    ignores: ['.next/**', '.next-bench/**', 'bench/work/**', 'node_modules/**', 'public/uswds/**', 'public/assets/**', 'reports/**', 'test-results/**', 'next-env.d.ts'],
  },
];

export default config;
