/**
 * The site's clock: what "now" is when deciding whether a scheduled article is public.
 *
 * NEWSROOM_CLOCK_START (an ISO 8601 instant) makes the clock read that instant when this
 * module first loads (at the server's first request) and run forward in real time from there.
 * It exists so end-to-end tests can watch a scheduled article go live a few seconds after a
 * server starts, without waiting for a real date; never set it on a public deployment.
 */
// Once per process, not per module copy: the proxy is bundled apart from the pages, and both must
// agree to the millisecond on when a scheduled article goes live.
const shared = globalThis as { __newsroomClockLoadedAt?: number };
shared.__newsroomClockLoadedAt ??= Date.now();
const loadedAt = shared.__newsroomClockLoadedAt;

function startOffset(): number {
  const start = process.env.NEWSROOM_CLOCK_START;
  if (!start) return 0;
  const instant = Date.parse(start);
  if (Number.isNaN(instant)) throw new Error(`NEWSROOM_CLOCK_START is not an ISO 8601 instant: "${start}"`);
  return instant - loadedAt;
}

const offset = startOffset();

export function now(): Date {
  return new Date(Date.now() + offset);
}
