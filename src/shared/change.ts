/** A figure against the one it is compared with: what the dashboard writes as Δ, % and a trend mark. */

export type Trend = 'up' | 'down' | 'flat';

export interface Change {
  /** The current figure less the base. */
  delta: number;
  /** The delta as a fraction of the base; `null` when the base is 0 (any growth from nothing is no percentage). */
  ratio: number | null;
  trend: Trend;
}

export function changeOf(current: number, base: number): Change {
  const delta = current - base;
  return {
    delta,
    ratio: base === 0 ? null : delta / base,
    trend: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
  };
}

/** The trend marks, the same in every language. */
export const TREND_MARKS: Readonly<Record<Trend, string>> = { up: '▲', down: '▼', flat: '=' };
