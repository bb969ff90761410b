import { Worker } from 'worker_threads';
import type { Root as MdastRoot } from 'mdast';

/** How long and how much memory one file's parse may take in preview before it is stopped. */
export interface ParseBounds {
  timeoutMs: number;
  /** The worker's old-generation heap, in MB. */
  memoryMb: number;
}

/** PREVIEW_PARSE_TIMEOUT_MS and PREVIEW_PARSE_MEMORY_MB override the defaults (5 s, 256 MB). */
export function parseBounds(env: Partial<Record<string, string>> = process.env): ParseBounds {
  const positive = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return { timeoutMs: positive(env.PREVIEW_PARSE_TIMEOUT_MS, 5_000), memoryMb: positive(env.PREVIEW_PARSE_MEMORY_MB, 256) };
}

export type WorkerParse = { ok: true; mdast: MdastRoot } | { ok: false; message: string };

/**
 * Parses Markdown in a worker thread with a memory limit and a timeout, so that no file, however
 * built, holds up the request thread: the thread is terminated when either is hit. One worker per
 * file: preview parses only files that changed, and a fresh worker cannot inherit a bloated heap.
 * The worker file is given as `new URL(…, import.meta.url)` so that webpack bundles it, with the
 * parser, as a chunk of its own in the production build (and Node runs the source file elsewhere).
 */
export function parseInWorker(source: string, bounds: ParseBounds = parseBounds()): Promise<WorkerParse> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: WorkerParse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const worker = new Worker(new URL('./markdown-worker.mjs', import.meta.url), {
      workerData: { source },
      resourceLimits: { maxOldGenerationSizeMb: bounds.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(
      () => settle({ ok: false, message: `parsing took longer than ${bounds.timeoutMs.toLocaleString('en-US')} ms and was stopped` }),
      bounds.timeoutMs,
    );
    worker.once('message', (message: { mdast?: MdastRoot; failure?: string }) => {
      if (message.mdast) settle({ ok: true, mdast: message.mdast });
      else if (message.failure === 'stack') settle({ ok: false, message: 'the Markdown nests too deeply to parse (stack overflow)' });
      else settle({ ok: false, message: `the Markdown parser failed: ${message.failure ?? 'no result'}` });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle({
        ok: false,
        message:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `parsing needed more than ${bounds.memoryMb} MB of memory and was stopped`
            : `the Markdown parser failed: ${error.message}`,
      });
    });
    worker.once('exit', (code) => settle({ ok: false, message: `the Markdown parser stopped (exit code ${code})` }));
  });
}
