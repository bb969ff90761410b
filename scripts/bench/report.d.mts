// Types of report.mjs, for its tests (the benchmark itself runs as plain Node ESM).
export function percentile(values: number[], p: number): number;
export function ratio(a: number, b: number): string;
export function formatBytes(bytes: number): string;
export function formatNumber(value: number, digits?: number): string;
export function formatSeconds(seconds: number): string;
export function table(headers: string[], rows: unknown[][], align?: ('left' | 'right')[]): string;
export function parseGnuTime(text: string): { wallSeconds: number; peakRssBytes: number; exitStatus: number };
export function sparkline(values: number[]): string;
export function levelsOff(values: number[], tolerance?: number): { levels: boolean; growth: number; reason: string };
export interface LoadSummary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}
export function summarizeLoad(result: {
  requests?: { average?: number; total?: number };
  latency?: { p50?: number; p99?: number };
  non2xx?: number;
  errors?: number;
  timeouts?: number;
}): LoadSummary;
export function statusMix(statusCodeStats?: Record<string, { count: number | string }>): string;
export function parseFlags(argv: string[]): Record<string, string | true>;
