import { createHash } from 'node:crypto';
import { CREDIT_COLORS } from '../../../shared/credit-color';
import { mulberry32 } from '../../../shared/random';

/**
 * The random-inspection selection (双随机, DOMAIN.md §4) as a pure function of the population
 * snapshot, the colour weights, the size or rate, the seed and the algorithm, so that a stored draw
 * can be replayed. Changing the selection changes replays: add a new algorithm name for it and keep
 * the old ones, which stored draws name.
 *
 * - `stratified-weighted-v1` rounded each colour's quota to the nearest integer: a stratum whose
 *   exact quota is below one half (2 BLACK subjects at a 0.05 rate × weight 4 = 0.4) was never drawn.
 * - `stratified-weighted-v2` (current) rounds without bias: every stratum's quota is its exact share
 *   rounded up or down at random from the seed, with the probability of rounding up equal to the
 *   fraction, so each colour is drawn at its weighted rate on average and no non-empty stratum with a
 *   positive weight is systematically empty.
 */
export const DRAW_ALGORITHM = 'stratified-weighted-v2';
export const DRAW_ALGORITHMS = ['stratified-weighted-v1', DRAW_ALGORITHM] as const;
export type DrawAlgorithm = (typeof DRAW_ALGORITHMS)[number];

export function isDrawAlgorithm(name: string): name is DrawAlgorithm {
  return (DRAW_ALGORITHMS as readonly string[]).includes(name);
}

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
  /** The exact (fractional) quota the rounding is unbiased about. */
  expected: number;
  selected: number;
  /** selected / population. */
  realisedRate: number;
}

/** mulberry32 seeded from SHA-256 of the seed and the stratum: independent, reproducible streams. */
function stream(seed: string, color: string): () => number {
  return mulberry32(createHash('sha256').update(`${seed}|${color}`).digest().readUInt32BE(0));
}

/**
 * The exact (fractional) quota of each colour. With a rate: population × rate × weight, at most the
 * population. With a sample size: shares proportional to population × weight; a stratum that would
 * exceed its population is taken whole and the rest shared again.
 */
export function exactQuotas(sizes: Record<string, number>, spec: DrawSpec): Record<string, number> {
  const colors = CREDIT_COLORS.filter((c) => (sizes[c] ?? 0) > 0);
  const quota: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
  if (spec.rate !== null) {
    for (const c of colors) quota[c] = Math.min(sizes[c], sizes[c] * spec.rate * (spec.weights[c] ?? 0));
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
  if (total > 0) for (const c of open) quota[c] = (remaining * sizes[c] * spec.weights[c]) / total;
  return quota;
}

/** How many to select from each colour: the exact quotas rounded as `algorithm` rounds them. */
export function allocate(sizes: Record<string, number>, spec: DrawSpec, algorithm: DrawAlgorithm = DRAW_ALGORITHM): Record<string, number> {
  const exact = exactQuotas(sizes, spec);
  return algorithm === 'stratified-weighted-v1' ? roundNearest(exact, spec) : roundUnbiased(exact, spec);
}

/** v1: a rate rounds each quota to the nearest integer; a size gives remainders to the largest fractions (ties to the worse colour). */
function roundNearest(exact: Record<string, number>, spec: DrawSpec): Record<string, number> {
  const quota: Record<string, number> = {};
  if (spec.rate !== null) {
    for (const [c, share] of Object.entries(exact)) quota[c] = Math.round(share);
    return quota;
  }
  for (const [c, share] of Object.entries(exact)) quota[c] = Math.floor(share);
  let left = (spec.sampleSize ?? 0) - Object.values(quota).reduce((sum, n) => sum + n, 0);
  const byFraction = Object.entries(exact)
    .filter(([, share]) => share > Math.floor(share))
    .sort(([a, x], [b, y]) => y - Math.floor(y) - (x - Math.floor(x)) || CREDIT_COLORS.indexOf(b as never) - CREDIT_COLORS.indexOf(a as never));
  for (const [c] of byFraction) {
    if (left <= 0) break;
    quota[c] += 1;
    left -= 1;
  }
  return quota;
}

/**
 * v2: a rate rounds each quota up with probability equal to its fraction (independent per colour).
 * A size keeps the total exact: the fractions, which add up to the number of subjects left to place,
 * are laid end to end and hit by evenly spaced points from one random start (systematic sampling),
 * so each colour gets its extra subject with probability equal to its fraction.
 */
function roundUnbiased(exact: Record<string, number>, spec: DrawSpec): Record<string, number> {
  const quota: Record<string, number> = {};
  for (const [c, share] of Object.entries(exact)) quota[c] = Math.floor(share);
  if (spec.rate !== null) {
    for (const [c, share] of Object.entries(exact)) if (stream(spec.seed, `quota|${c}`)() < share - Math.floor(share)) quota[c] += 1;
    return quota;
  }
  const left = (spec.sampleSize ?? 0) - Object.values(quota).reduce((sum, n) => sum + n, 0);
  const fractional = CREDIT_COLORS.filter((c) => c in exact && exact[c] > Math.floor(exact[c]));
  const start = stream(spec.seed, 'quota')();
  // The points start, start + 1, … in [from, to): ceil(to − start) − ceil(from − start) of them.
  let from = 0;
  fractional.forEach((c, i) => {
    // The last interval ends exactly at `left`, so float drift in the sum cannot lose a point.
    const to = i === fractional.length - 1 ? left : from + exact[c] - Math.floor(exact[c]);
    quota[c] += Math.max(0, Math.ceil(to - start) - Math.ceil(from - start));
    from = to;
  });
  return quota;
}

/** Selects the subjects: per colour, a seeded partial Fisher–Yates shuffle of its members in code order. */
export function drawSelection(
  population: readonly PopulationMember[],
  spec: DrawSpec,
  algorithm: DrawAlgorithm = DRAW_ALGORITHM,
): { strata: Stratum[]; selected: PopulationMember[] } {
  const members = new Map<string, PopulationMember[]>();
  for (const member of [...population].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0))) {
    const list = members.get(member.color);
    if (list) list.push(member);
    else members.set(member.color, [member]);
  }
  const sizes = Object.fromEntries([...members].map(([color, list]) => [color, list.length]));
  const exact = exactQuotas(sizes, spec);
  const quota = allocate(sizes, spec, algorithm);
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
    strata.push({ color, population: list.length, weight: spec.weights[color] ?? 0, expected: exact[color] ?? 0, selected: take, realisedRate: take / list.length });
  }
  return { strata: strata.reverse(), selected };
}
