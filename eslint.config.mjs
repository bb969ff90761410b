import { builtinModules } from 'node:module';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * lib/browser/ is the source of the behaviour file that every public page loads (esbuild bundles
 * it into public/assets/). Whatever it imports ships to every reader, so it may not import the
 * server's modules (content, preview, staff sign-in, search), Next.js, or Node's built-ins.
 * `import 'server-only'` cannot guard them (decision 0009: it breaks some builds), so this rule
 * stops the import at the source and e2e/client-bundles.spec.ts checks the built files (decision 0019).
 */
const SERVER_ONLY_MODULES = ['content', 'preview', 'auth', 'search'];
const browserImportRules = {
  // Bare names here ('fs', 'fs/promises'); every 'node:' name by the pattern below.
  paths: builtinModules.filter((name) => !name.startsWith('node:')).map((name) => ({
    name,
    message: 'lib/browser/ ships to every reader: Node built-ins do not exist in a browser.',
  })),
  patterns: [
    {
      // '@/lib/content', '../content/index', '../../lib/preview/session', …
      regex: `^(?:@/lib/|(?:\\.\\.?/)+(?:lib/)?)(?:${SERVER_ONLY_MODULES.join('|')})(?:/.*)?$`,
      message: 'lib/browser/ ships to every reader: server modules (content, preview, auth, search) stay on the server.',
    },
    { regex: '^next(?:/.*)?$', message: 'lib/browser/ ships to every reader: it runs without the Next.js runtime.' },
    { regex: '^node:', message: 'lib/browser/ ships to every reader: Node built-ins do not exist in a browser.' },
  ],
};

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
    files: ['lib/browser/**'],
    // Its unit tests run in Node, never in the bundle.
    ignores: ['lib/browser/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', browserImportRules],
      // require() and import() would slip past no-restricted-imports; the bundle needs neither.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'lib/browser/ is one static bundle: import statically, so the import rules see it.' },
        { selector: "CallExpression[callee.name='require']", message: 'lib/browser/ is an ES module bundle: no require().' },
      ],
    },
  },
  {
    ignores: ['.next/**', '.next-bench/**', 'bench/work/**', 'node_modules/**', 'public/uswds/**', 'public/assets/**', 'reports/**', 'test-results/**', 'next-env.d.ts'],
  },
];

export default config;
