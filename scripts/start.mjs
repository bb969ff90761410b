// `npm start`: build the site when the build is missing or older than its sources, then serve the
// production build with the standalone server on http://127.0.0.1:3000 (PORT and HOST override).
import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.mjs';

if (buildIsStale()) {
  console.log('Building the site (the build is missing or older than the sources)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('./serve.mjs');
