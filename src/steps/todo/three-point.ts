/**
 * Three-point estimates: a likely value from damped size drivers, an optimistic and a pessimistic
 * value around it, and the PERT expected value (O + 4L + P) / 6. Every number says how it was made.
 */
import { fmt, type EstimateModel } from './estimate.js';

export interface ThreePoint {
  optimistic: number;
  likely: number;
  pessimistic: number;
  /** PERT: (optimistic + 4 × likely + pessimistic) / 6. */
  expected: number;
}

/** Likely hours before rounding, the sum that produced them, and how much wider the pessimistic side is. */
export interface Work {
  likely: number;
  how: string;
  /** Added to the pessimistic multiple (complex code is riskier, not only longer). */
  widen: number;
}

export interface Term {
  count: number;
  name: string;
  rate: number;
  /** Lines of code damp less than counts of things: code_scale instead of scale. */
  code?: boolean;
}

/** A count with diminishing returns: n^scale (the 10th field costs less than the 1st). */
export const damp = (n: number, scale: number): number => (n <= 0 ? 0 : n ** scale);

/** base + Σ rate × n^scale, times a capped complexity factor; the text shows every term. */
export function sumWork(base: number, baseName: string, terms: readonly Term[], model: EstimateModel, factor = 1, factorNote = ''): Work {
  const used = terms.filter((t) => t.count > 0 && t.rate > 0);
  const exp = (t: Term) => (t.code ? model.code_scale : model.scale);
  const raw = base + used.reduce((s, t) => s + t.rate * damp(t.count, exp(t)), 0);
  const parts = [...(base > 0 ? [`${fmt(base)} ${baseName}`] : []), ...used.map((t) => `${fmt(t.rate)} × ${t.count}^${fmt(exp(t))} ${t.name}`)];
  const sum = parts.join(' + ') || '0';
  const how = factor !== 1 ? `(${sum}) = ${fmt(raw)} h × ${fmt(factor)} ${factorNote}`.trim() : `${sum}`;
  return { likely: raw * factor, how, widen: factor - 1 };
}

/**
 * Complexity as a factor with a ceiling: 1 + weight × log2(1 + decision points beyond one per
 * method, per method), at most complexity_cap. Long code is counted by its lines, not here.
 */
export function complexityFactor(complexity: number, methods: number, model: EstimateModel): { factor: number; note: string } {
  if (methods <= 0 || complexity <= methods) return { factor: 1, note: '' };
  const perMethod = (complexity - methods) / methods;
  const factor = Math.min(model.complexity_cap, 1 + model.complexity_weight * Math.log2(1 + perMethod));
  return { factor, note: `complexity (${fmt(perMethod)} extra decisions per method, capped at ×${fmt(model.complexity_cap)})` };
}

const roundUp = (h: number, model: EstimateModel): number => Math.max(model.minimum, Math.ceil(h / model.round_to - 1e-9) * model.round_to);

export function pert(o: number, l: number, p: number): number {
  return Math.round(((o + 4 * l + p) / 6) * 10) / 10;
}

/** Rounded optimistic / likely / pessimistic hours for a likely value. */
export function threePoint(likely: number, widen: number, model: EstimateModel): ThreePoint {
  const l = roundUp(likely, model);
  const o = Math.min(l, roundUp(likely * model.optimistic, model));
  const p = Math.max(l, roundUp(likely * (model.pessimistic + widen), model));
  return { optimistic: o, likely: l, pessimistic: p, expected: pert(o, l, p) };
}

/** How the range follows from likely: shown on every task. */
export function rangeHow(w: Work, model: EstimateModel, share = 1): string {
  const shared = share !== 1 ? ` × ${fmt(share)} share` : '';
  return `likely = ${w.how}${shared}; optimistic = likely × ${fmt(model.optimistic)}; pessimistic = likely × ${fmt(model.pessimistic + w.widen)}; expected = (O + 4L + P) / 6`;
}

/**
 * Work split into equal parts so that no part's expected value exceeds the cap. One part when it
 * already fits.
 */
export function splitByCap(likely: number, widen: number, model: EstimateModel): { parts: number; each: ThreePoint } {
  let parts = 1;
  for (;;) {
    const each = threePoint(likely / parts, widen, model);
    // Parts shrink towards the minimum, below any cap of 2 h or more; the bound only guards a minimum set above the cap.
    if (each.expected <= model.task_cap || parts >= 100_000) return { parts, each };
    parts = Math.max(parts + 1, Math.ceil((threePoint(likely, widen, model).expected / model.task_cap) * 0.98));
  }
}

export function addRange(a: ThreePoint, b: ThreePoint): ThreePoint {
  return {
    optimistic: a.optimistic + b.optimistic,
    likely: a.likely + b.likely,
    pessimistic: a.pessimistic + b.pessimistic,
    expected: Math.round((a.expected + b.expected) * 10) / 10,
  };
}

export const ZERO: ThreePoint = { optimistic: 0, likely: 0, pessimistic: 0, expected: 0 };
