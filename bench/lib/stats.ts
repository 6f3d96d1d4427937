/** Nearest-rank percentile: p95 of 40 samples is the 38th smallest, a value that was actually measured. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—'
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes >= 100 * 1024 * 1024 ? 0 : 1)} MB`
}

export function ratio(v: number): string {
  if (!Number.isFinite(v)) return '—'
  return v >= 100 ? `${v.toFixed(0)}×` : v >= 10 ? `${v.toFixed(1)}×` : `${v.toFixed(2)}×`
}

export const sleep = (msec: number) => new Promise<void>((r) => setTimeout(r, msec))
