// Types for lib/security/not-modified.js (CommonJS, required by lib/security/methods.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function etagMatches(header: string, etag: string): boolean;
export declare function answerNotModified(req: IncomingMessage, res: ServerResponse): void;
