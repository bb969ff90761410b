// Parses one Markdown file off the request thread (lib/content/preview-parser.ts starts it with
// memory limits and a timeout, and terminates it when either is hit). Receives the source as
// workerData, posts back { mdast } or { failure }.
import { parentPort, workerData } from 'node:worker_threads';
import { parseMarkdown } from './markdown-parser.mjs';

try {
  parentPort.postMessage({ mdast: parseMarkdown(workerData.source) });
} catch (error) {
  // Deep nesting that slipped past the limits ends in a RangeError (stack overflow), not a crash.
  parentPort.postMessage({ failure: error instanceof RangeError ? 'stack' : String(error?.message ?? error) });
}
