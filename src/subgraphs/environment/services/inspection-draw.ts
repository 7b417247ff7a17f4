import { createHash } from 'node:crypto';
import { CREDIT_COLORS } from '../../../shared/credit-color';
import { mulberry32 } from '../../../shared/random';

/**
 * The random-inspection selection (双随机, DOMAIN.md §4) as a pure function of the population
 * snapshot, the colour weights, the size or rate and the seed, so that a stored draw can be replayed.
 * Changing anything here changes replays: bump ALGORITHM with it.
 */
export const DRAW_ALGORITHM = 'stratified-weighted-v1';

export interface PopulationMember {
  uscc: string;
  color: string;
}

export interface DrawSpec {
  /** Multiple of the base rate per colour. */
  weights: Record<string, number>;
  sampleSize: number | null;
  rate: number | null;
  seed: string;
}

export interface Stratum {
  color: string;
  population: number;
  weight: number;
  selected: number;
}

/** mulberry32 seeded from SHA-256 of the seed and the stratum: independent, reproducible streams. */
function stream(seed: string, color: string): () => number {
  return mulberry32(createHash('sha256').update(`${seed}|${color}`).digest().readUInt32BE(0));
}

/**
 * How many to select from each colour. With a rate: population × rate × weight, rounded, at most
 * the population. With a sample size: shares proportional to population × weight, a stratum that
 * would exceed its population is taken whole and the rest shared again; remainders go to the
 * largest fractions (ties to the worse colour).
 */
export function allocate(sizes: Record<string, number>, spec: DrawSpec): Record<string, number> {
  const colors = CREDIT_COLORS.filter((c) => (sizes[c] ?? 0) > 0);
  const quota: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
  if (spec.rate !== null) {
    for (const c of colors) quota[c] = Math.min(sizes[c], Math.round(sizes[c] * spec.rate * (spec.weights[c] ?? 0)));
    return quota;
  }
  let remaining = spec.sampleSize ?? 0;
  let open = colors.filter((c) => (spec.weights[c] ?? 0) > 0);
  for (;;) {
    const total = open.reduce((sum, c) => sum + sizes[c] * spec.weights[c], 0);
    const full = open.filter((c) => total > 0 && (remaining * sizes[c] * spec.weights[c]) / total >= sizes[c]);
    if (!full.length) break;
    for (const c of full) {
      quota[c] = sizes[c];
      remaining -= sizes[c];
    }
    open = open.filter((c) => !full.includes(c));
  }
  const total = open.reduce((sum, c) => sum + sizes[c] * spec.weights[c], 0);
  if (!open.length || total === 0) return quota;
  const exact = open.map((c) => ({ c, share: (remaining * sizes[c] * spec.weights[c]) / total }));
  for (const { c, share } of exact) quota[c] = Math.floor(share);
  let left = remaining - exact.reduce((sum, { share }) => sum + Math.floor(share), 0);
  const byFraction = [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || CREDIT_COLORS.indexOf(b.c) - CREDIT_COLORS.indexOf(a.c));
  for (const { c } of byFraction) {
    if (left <= 0) break;
    if (quota[c] < sizes[c]) {
      quota[c] += 1;
      left -= 1;
    }
  }
  return quota;
}

/** Selects the subjects: per colour, a seeded partial Fisher–Yates shuffle of its members in code order. */
export function drawSelection(population: readonly PopulationMember[], spec: DrawSpec): { strata: Stratum[]; selected: PopulationMember[] } {
  const members = new Map<string, PopulationMember[]>();
  for (const member of [...population].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0))) {
    const list = members.get(member.color);
    if (list) list.push(member);
    else members.set(member.color, [member]);
  }
  const sizes = Object.fromEntries([...members].map(([color, list]) => [color, list.length]));
  const quota = allocate(sizes, spec);
  const strata: Stratum[] = [];
  const selected: PopulationMember[] = [];
  for (const color of [...CREDIT_COLORS].reverse()) {
    const list = members.get(color);
    if (!list) continue;
    const pool = [...list];
    const random = stream(spec.seed, color);
    const take = quota[color] ?? 0;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      selected.push(pool[i]);
    }
    strata.push({ color, population: list.length, weight: spec.weights[color] ?? 0, selected: take });
  }
  return { strata: strata.reverse(), selected };
}
