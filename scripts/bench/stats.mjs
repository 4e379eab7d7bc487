// Small statistics helpers for the benchmark: every figure is reported as a median with its
// min and max (and p95 for latencies), never as a mean that one slow run can drag.

export function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

/** The q-quantile (0..1) by nearest rank, so p95 of 40 samples is a real sample. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[rank];
}

export function median(values) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summary(values) {
  const s = sorted(values);
  return { n: s.length, median: median(s), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, p95: quantile(s, 0.95) };
}
