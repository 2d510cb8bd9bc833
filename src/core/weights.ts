// Criterion weights for scoring: names shown in Settings, defaults, and what each rewards.

/** A scoring criterion a mentor can tune in Settings. */
export interface WeightSpec {
  readonly key: WeightKey;
  readonly setting: string;
  readonly default: number;
  readonly about: string;
}

export type WeightKey =
  | 'degree1'
  | 'degree2'
  | 'premium'
  | 'sameSchool'
  | 'inCommon'
  | 'mutual'
  | 'titleMatch'
  | 'seniority'
  | 'executive';

/**
 * Defaults. The first six are points of "chance they answer" (added to a base of 15 and divided
 * by the most a contact can get); title match and seniority are points of "how much their
 * referral counts" (added to a base of 40); the executive penalty is a percentage taken off the
 * chance of an answer. See docs/scoring.md for the reasoning.
 */
export const WEIGHTS: readonly WeightSpec[] = [
  {
    key: 'degree1',
    setting: 'Weight: 1st degree',
    default: 35,
    about: 'People you know answer most often (and messaging them is free)',
  },
  {
    key: 'degree2',
    setting: 'Weight: 2nd degree',
    default: 20,
    about: 'A shared connection makes a reply likelier',
  },
  {
    key: 'premium',
    setting: 'Weight: Premium',
    default: 10,
    about: 'Premium members are more active on LinkedIn',
  },
  { key: 'sameSchool', setting: 'Weight: Same school', default: 20, about: 'Alumni help alumni' },
  {
    key: 'inCommon',
    setting: 'Weight: In common (each)',
    default: 6,
    about: 'Each thing in common, up to 5',
  },
  {
    key: 'mutual',
    setting: 'Weight: Mutual connection',
    default: 8,
    about: 'A named mutual connection can introduce you (not counted for 1st degree)',
  },
  {
    key: 'titleMatch',
    setting: 'Weight: Title match',
    default: 100,
    about: 'A title close to the target job makes the referral count',
  },
  {
    key: 'seniority',
    setting: 'Weight: Seniority',
    default: 40,
    about: 'A senior, lead or manager in the job’s function carries weight',
  },
  {
    key: 'executive',
    setting: 'Weight: Executive penalty',
    default: 20,
    about: 'Percent less likely to answer for VPs, C-level and founders',
  },
];

export type Weights = Readonly<Record<WeightKey, number>>;

/** The default weights. */
export function defaultWeights(): Weights {
  return Object.fromEntries(WEIGHTS.map((w) => [w.key, w.default])) as Record<WeightKey, number>;
}
