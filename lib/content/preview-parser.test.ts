import { describe, expect, it } from 'vitest';
import { parseBounds, parseInWorker } from './preview-parser';

// These run the real worker (markdown-worker.mjs) on inputs the limits would refuse, to show the
// bound holds even for a file that got past them.
describe('parsing in a bounded worker (preview)', () => {
  it('returns the same tree as the parser on the request thread', async () => {
    const result = await parseInWorker('---\ntitle: x\n---\n\nSome *text* with a [link](https://example.gov/).\n');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.mdast.children.map((node) => node.type)).toEqual(['yaml', 'paragraph']);
  });

  it('stops a parse that takes longer than its time bound, and the main thread stays free meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = Date.now();
    // 100 KB of "*a": minutes of parsing on one thread.
    const result = await parseInWorker('*a'.repeat(50_000), { timeoutMs: 500, memoryMb: 256 });
    clearInterval(ticker);
    expect(result).toEqual({ ok: false, message: 'parsing took longer than 500 ms and was stopped' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ticks).toBeGreaterThan(10);
  });

  it('stops a parse that needs more memory than its bound', async () => {
    // A table of 40,000 rows: hundreds of MB of parser state.
    const result = await parseInWorker(`|a|b|\n|-|-|\n${'|c|d|\n'.repeat(40_000)}`, { timeoutMs: 60_000, memoryMb: 16 });
    expect(result).toEqual({ ok: false, message: 'parsing needed more than 16 MB of memory and was stopped' });
  });

  it('takes its bounds from the environment, else 5 s and 256 MB', () => {
    expect(parseBounds({})).toEqual({ timeoutMs: 5_000, memoryMb: 256 });
    expect(parseBounds({ PREVIEW_PARSE_TIMEOUT_MS: '800', PREVIEW_PARSE_MEMORY_MB: '64' })).toEqual({ timeoutMs: 800, memoryMb: 64 });
    expect(parseBounds({ PREVIEW_PARSE_TIMEOUT_MS: 'soon', PREVIEW_PARSE_MEMORY_MB: '-1' })).toEqual({ timeoutMs: 5_000, memoryMb: 256 });
  });
});
