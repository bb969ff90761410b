// Types for lib/security/methods.js (CommonJS, required by scripts/serve.mjs).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
export declare const ALLOWED_METHODS: string[];
export declare const REFUSAL: string;
export declare function isAllowedMethod(method: string | undefined): boolean;
export declare function methodRefusalHeaders(): Record<string, string>;
export declare function guardRequests<Req extends IncomingMessage, Res extends ServerResponse>(
  listener: (req: Req, res: Res) => unknown,
  options?: { dap?: boolean },
): (req: Req, res: Res) => unknown;
export declare function clientErrorAnswer(options?: { dap?: boolean }): (error: Error & { code?: string }, socket: Duplex) => void;
