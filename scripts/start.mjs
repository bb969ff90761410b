// `npm start`: build the site when the build is missing or older than its sources,
// then serve the production build on http://localhost:3000 (PORT and HOST override).
import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.mjs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (buildIsStale()) {
  console.log('Building the site (the build is missing or older than the sources)…');
  run('npm', ['run', 'build']);
}
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
run(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', host]);
