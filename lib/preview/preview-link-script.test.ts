import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPreviewToken } from './token';

// Each test starts `npm run …` (npm, then tsx compiling the script): seconds on an idle machine,
// much longer on a loaded 2-core CI box.
const SCRIPT_TIMEOUT = 120_000;

const projectRoot = path.resolve(__dirname, '../..');
const secret = 'k7Qx0m2vB9rT4wYz1aLp8sNc3eHf6gJd5uVi0oRt2yE=';
const published = 'biden-stoltenberg-confer-before-nato-summit';
const draft = 'allied-logistics-conference-2027-preview';
const HOUR = 3_600_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as `npm run preview-link` does, in this environment without NODE_ENV (like a staff
 * member's shell; vitest sets it to "test"), PREVIEW_SECRET or SITE_URL, plus what is given.
 */
function run(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Next's global types declare NODE_ENV required, so `delete env.NODE_ENV` does not compile.
  for (const key of ['NODE_ENV', 'PREVIEW_SECRET', 'SITE_URL']) Reflect.deleteProperty(env, key);
  Object.assign(env, extraEnv);
  const script = [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/preview-link.ts'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...script, ...args], { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function tokenOf(url: string): string | null {
  return new URL(url).searchParams.get('token');
}

// Each run loads all the content (a few seconds), so they run side by side.
describe.concurrent('npm run preview-link', () => {
  it('prints only a URL whose token verifies for the draft, expiring in 48 hours', async () => {
    const before = Date.now();
    const { status, stdout, stderr } = await run([draft], { PREVIEW_SECRET: secret });
    expect(stderr).toMatch(
      /^Allied Logistics Conference to Focus on Spare Parts and Shared Stocks \(draft\): link expires \w+\.? \d+, \d{4} \d+:\d\d [AP]M ET\.\n$/,
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/^http:\/\/localhost:3000\/api\/preview\?token=[^\s]+\n$/);
    const result = verifyPreviewToken(tokenOf(stdout.trim()), { secret });
    expect(result).toMatchObject({ ok: true, slug: draft });
    if (!result.ok) return;
    expect(result.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 48 * HOUR - 1000);
    expect(result.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 48 * HOUR);
  }, SCRIPT_TIMEOUT);

  it('uses SITE_URL and --expires for a published article', async () => {
    const before = Date.now();
    const { status, stdout, stderr } = await run([published, '--expires', '90m'], {
      PREVIEW_SECRET: secret,
      SITE_URL: 'https://www.example.gov/',
    });
    expect(stderr).toMatch(/^Biden, Stoltenberg Confer Before NATO Summit \(published\): link expires /);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^https:\/\/www\.example\.gov\/api\/preview\?token=[^\s]+\n$/);
    const result = verifyPreviewToken(tokenOf(stdout.trim()), { secret });
    expect(result).toMatchObject({ ok: true, slug: published });
    if (!result.ok) return;
    expect(result.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 90 * 60_000 - 1000);
    expect(result.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 90 * 60_000);
  }, SCRIPT_TIMEOUT);

  it('refuses to sign without PREVIEW_SECRET when NODE_ENV is unset, and exits 1', async () => {
    expect(await run([published])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Preview is not configured: set PREVIEW_SECRET (at least 32 bytes) in the environment.\n',
    });
  }, SCRIPT_TIMEOUT);

  it('refuses a short secret without printing it, and exits 1', async () => {
    const { status, stdout, stderr } = await run([published], { PREVIEW_SECRET: 'hunter2-hunter2' });
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr).toBe(
      'PREVIEW_SECRET is too short: it is 15 bytes and must be at least 32. Make one with `openssl rand -base64 32` or `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`.\n',
    );
  }, SCRIPT_TIMEOUT);

  it('refuses an unknown slug and lists close matches, and exits 1', async () => {
    expect(await run(['allied-logistics-conference'], { PREVIEW_SECRET: secret })).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'No article has the slug "allied-logistics-conference". Close matches:',
        '  allied-logistics-conference-2027-preview',
        '  allied-logistics-officers-meet-on-readiness',
        '',
      ].join('\n'),
    });
  }, SCRIPT_TIMEOUT);

  it('refuses --expires longer than 7 days, and exits 2', async () => {
    expect(await run([draft, '--expires', '30d'], { PREVIEW_SECRET: secret })).toEqual({
      status: 2,
      stdout: '',
      stderr: '--expires: "30d" is too long: a preview link can last at most 7 days.\n',
    });
  }, SCRIPT_TIMEOUT);

  it('refuses a malformed --expires, and exits 2', async () => {
    expect(await run([draft, '--expires=tomorrow'], { PREVIEW_SECRET: secret })).toEqual({
      status: 2,
      stdout: '',
      stderr:
        '--expires: "tomorrow" is not a duration: use a whole number followed by s, m, h or d, like 90m, 48h or 2d.\n',
    });
  }, SCRIPT_TIMEOUT);

  it('asks for exactly one slug, and exits 2', async () => {
    expect(await run([], { PREVIEW_SECRET: secret })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'Give exactly one slug.\nUsage: npm run preview-link -- <slug> [--expires 48h|2d|90m|30s]\n',
    });
  }, SCRIPT_TIMEOUT);
});
