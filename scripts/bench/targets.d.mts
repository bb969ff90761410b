// Types of targets.mjs, for its tests (the benchmark itself runs as plain Node ESM).
export function parseContentLine(text: string): { parsed: number; total: number; fromCache: number; ms: number; lines: number } | undefined;
export function growthPer10x(from: { size: number; value: number }, to: { size: number; value: number }): number;
export function growthSteps(points: { size: number; value: number }[]): { from: number; to: number; growth: number }[];
export function shortSize(size: number): string;
export function verdict(points: { size: number; value: number }[], max: number): string;
export interface Target {
  name: string;
  limit: string;
  max?: number;
  values: Record<number, number>;
  format: (value: number) => string;
  growth?: boolean;
  maxGrowth?: number;
}
export function targetsTable(sizes: number[], targets: Target[]): string;
