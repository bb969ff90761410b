// Servers and builds the benchmark starts: each in its own process group, stopped by its id
// at the end or on failure. Ports from --port-base (default 3530–3535) on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const started = new Set();

export function track(child) {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** Stops one process group started here (SIGTERM, then SIGKILL after `graceMs`). */
export async function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...started].map((child) => stop(child)));
}

let cleanupInstalled = false;
/** Stops every process started here when the benchmark ends, fails or is interrupted. */
export function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killNow = () => {
    for (const child of started) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killNow);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      killNow();
      process.exit(130);
    });
  }
}

/** Spawns `command` in its own process group, output appended to `logFile`. */
export function launch(command, args, { env = {}, cwd = process.cwd(), logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  return track(child);
}

export function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Polls `url` until it answers (any status), or throws after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs = 60000, child) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`bench: the server for ${url} exited with ${child.exitCode} before answering`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`bench: ${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Waits until `port` on 127.0.0.1 accepts a TCP connection, without sending a request: the first
 * request a server then gets is the one being measured. Throws after `timeoutMs`.
 */
export async function waitForPort(port, timeoutMs = 60000, child) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`bench: the server for port ${port} exited with ${child.exitCode} before listening`);
    const open = await new Promise((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`bench: nothing listened on port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `pid` and all its descendants (Linux /proc). */
function treePids(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while reading
    }
  }
  const pids = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop();
    pids.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return pids;
}

/** Resident memory in bytes of `pid` and all its descendants (Linux /proc), 0 when gone. */
export function treeRss(pid) {
  let total = 0;
  for (const current of treePids(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) * 1024;
    } catch {
      // exited
    }
  }
  return total;
}

/** CPU seconds (user + system) used so far by `pid` and its descendants; Linux counts in 1/100 s. */
export function treeCpuSeconds(pid) {
  let ticks = 0;
  for (const current of treePids(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${current}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime: fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after the command name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited
    }
  }
  return ticks / 100;
}
