/** What the benchmark reports: each workload's figures over its runs, its baseline's, the ratio and the target. */

/** Milliseconds per call, items, megabytes or requests per second, or megabytes of peak RSS. */
export type Unit = 'ms' | 'items/s' | 'MB/s' | 'MB' | 'req/s';

/** Megabytes as the benchmark counts them, 10^6 bytes, as issue 8 does: file sizes, throughput and RSS alike. */
export const MB = 1e6;

export interface Figure {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export interface Result {
  workload: string;
  unit: Unit;
  target: string;
  product: Figure;
  baseline: Figure | null;
  /** The product's median ÷ the baseline's: time and RSS, lower is better; throughput, higher is better. */
  ratio: number | null;
  /** Whether the target is met; null where the target is not the product's to meet (or there is none). */
  meets: boolean | null;
  /** What else the run found out: rows stored, body sizes, errors. */
  notes?: Record<string, number | string>;
}

/** A target as read off the figures. */
export type Check = (product: Figure, ratio: number | null) => boolean;

export function figureOf(values: readonly number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: sorted.length,
  };
}

export function resultOf(
  workload: string,
  unit: Unit,
  target: { text: string; check?: Check },
  product: readonly number[],
  baseline: readonly number[] | null,
  notes?: Record<string, number | string>,
): Result {
  const own = figureOf(product);
  const raw = baseline ? figureOf(baseline) : null;
  const ratio = raw ? own.median / raw.median : null;
  return {
    workload,
    unit,
    target: target.text,
    product: own,
    baseline: raw,
    ratio,
    meets: target.check ? target.check(own, ratio) : null,
    ...(notes ? { notes } : {}),
  };
}
