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
 * - `stratified-weighted-v2` rounds without bias: every stratum's quota is its exact share
 *   rounded up or down at random from the seed, with the probability of rounding up equal to the
 *   fraction, so each colour is drawn at its weighted rate on average and no non-empty stratum with a
 *   positive weight is systematically empty.
 * - `stratified-weighted-v3` (current) rounds as v2, and draws the members whose rewards are
 *   suspended (`rewardsSuspended`: GREEN subjects on a punishment list, DOMAIN.md §10) in a stratum of
 *   their own at no less than the base rate: their colour's weight, raised to 1 when below. Over a
 *   population with no such member it selects exactly what v2 selects (same strata, same streams);
 *   v1 and v2 replays ignore the flag, which their stored populations never carry.
 */
export const DRAW_ALGORITHM = 'stratified-weighted-v3';
export const DRAW_ALGORITHMS = ['stratified-weighted-v1', 'stratified-weighted-v2', DRAW_ALGORITHM] as const;
export type DrawAlgorithm = (typeof DRAW_ALGORITHMS)[number];

export function isDrawAlgorithm(name: string): name is DrawAlgorithm {
  return (DRAW_ALGORITHMS as readonly string[]).includes(name);
}

export interface PopulationMember {
  uscc: string;
  color: string;
  /**
   * Its colour's reduced inspection frequency is a reward that is suspended on the draw's day (a GREEN
   * subject on a punishment list). Stored only when true, so earlier populations keep their shape.
   */
  rewardsSuspended?: boolean;
}

/** The multiple of the base rate that a subject whose fewer-inspections reward is suspended is drawn at, at least. */
export const BASE_RATE_MULTIPLE = 1;

/**
 * A stratum's key in quotas and seeded streams: the colour itself (so that v1/v2 draws replay as
 * stored), or the colour with `SUSPENDED_SUFFIX` for its members whose rewards are suspended.
 */
const SUSPENDED_SUFFIX = ':REWARDS_SUSPENDED';

function stratumKey(color: string, rewardsSuspended: boolean): string {
  return rewardsSuspended ? `${color}${SUSPENDED_SUFFIX}` : color;
}

function parseStratumKey(key: string): { color: string; rewardsSuspended: boolean } {
  const rewardsSuspended = key.endsWith(SUSPENDED_SUFFIX);
  return { color: rewardsSuspended ? key.slice(0, -SUSPENDED_SUFFIX.length) : key, rewardsSuspended };
}

/** Strata in colour order, best first, each colour's suspended stratum right after it. */
function stratumRank(key: string): number {
  const { color, rewardsSuspended } = parseStratumKey(key);
  return CREDIT_COLORS.indexOf(color as never) * 2 + (rewardsSuspended ? 1 : 0);
}

function orderedStrata(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => stratumRank(a) - stratumRank(b));
}

/** The weight a stratum is drawn with: its colour's, at least the base rate for suspended rewards. */
function stratumWeight(key: string, weights: Record<string, number>): number {
  const { color, rewardsSuspended } = parseStratumKey(key);
  const weight = weights[color] ?? 0;
  return rewardsSuspended ? Math.max(BASE_RATE_MULTIPLE, weight) : weight;
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
  /** True for the stratum of the colour's members whose fewer-inspections reward is suspended. */
  rewardsSuspended: boolean;
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
 * The exact (fractional) quota of each stratum (keyed by colour, or see `stratumKey`). With a rate:
 * population × rate × weight, at most the population. With a sample size: shares proportional to
 * population × weight; a stratum that would exceed its population is taken whole and the rest
 * shared again.
 */
export function exactQuotas(sizes: Record<string, number>, spec: DrawSpec): Record<string, number> {
  const colors = orderedStrata(Object.keys(sizes).filter((c) => sizes[c] > 0));
  const weight = Object.fromEntries(colors.map((c) => [c, stratumWeight(c, spec.weights)]));
  const quota: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
  if (spec.rate !== null) {
    for (const c of colors) quota[c] = Math.min(sizes[c], sizes[c] * spec.rate * weight[c]);
    return quota;
  }
  let remaining = spec.sampleSize ?? 0;
  let open = colors.filter((c) => weight[c] > 0);
  for (;;) {
    const total = open.reduce((sum, c) => sum + sizes[c] * weight[c], 0);
    const full = open.filter((c) => total > 0 && (remaining * sizes[c] * weight[c]) / total >= sizes[c]);
    if (!full.length) break;
    for (const c of full) {
      quota[c] = sizes[c];
      remaining -= sizes[c];
    }
    open = open.filter((c) => !full.includes(c));
  }
  const total = open.reduce((sum, c) => sum + sizes[c] * weight[c], 0);
  if (total > 0) for (const c of open) quota[c] = (remaining * sizes[c] * weight[c]) / total;
  return quota;
}

/** How many to select from each stratum: the exact quotas rounded as `algorithm` rounds them. */
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
    .sort(([a, x], [b, y]) => y - Math.floor(y) - (x - Math.floor(x)) || stratumRank(b) - stratumRank(a));
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
  const fractional = orderedStrata(Object.keys(exact)).filter((c) => exact[c] > Math.floor(exact[c]));
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

/**
 * Selects the subjects: per stratum, a seeded partial Fisher–Yates shuffle of its members in code
 * order. The strata are the colours, and from v3 each colour's members with suspended rewards apart.
 */
export function drawSelection(
  population: readonly PopulationMember[],
  spec: DrawSpec,
  algorithm: DrawAlgorithm = DRAW_ALGORITHM,
): { strata: Stratum[]; selected: PopulationMember[] } {
  const splitSuspended = algorithm === 'stratified-weighted-v3';
  const members = new Map<string, PopulationMember[]>();
  for (const member of [...population].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0))) {
    const key = stratumKey(member.color, splitSuspended && member.rewardsSuspended === true);
    const list = members.get(key);
    if (list) list.push(member);
    else members.set(key, [member]);
  }
  const sizes = Object.fromEntries([...members].map(([key, list]) => [key, list.length]));
  const exact = exactQuotas(sizes, spec);
  const quota = allocate(sizes, spec, algorithm);
  const strata: Stratum[] = [];
  const selected: PopulationMember[] = [];
  for (const key of orderedStrata(members.keys()).reverse()) {
    const list = members.get(key)!;
    const pool = [...list];
    const random = stream(spec.seed, key);
    const take = quota[key] ?? 0;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      selected.push(pool[i]);
    }
    const { color, rewardsSuspended } = parseStratumKey(key);
    strata.push({
      color,
      rewardsSuspended,
      population: list.length,
      weight: stratumWeight(key, spec.weights),
      expected: exact[key] ?? 0,
      selected: take,
      realisedRate: take / list.length,
    });
  }
  return { strata: strata.reverse(), selected };
}
