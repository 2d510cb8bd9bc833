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

export const WEIGHTS: readonly WeightSpec[] = [
  { key: 'degree1', setting: 'Weight: 1st degree', default: 35, about: 'People you know answer most often' },
  { key: 'degree2', setting: 'Weight: 2nd degree', default: 20, about: 'A shared connection makes a reply likelier' },
  { key: 'premium', setting: 'Weight: Premium', default: 10, about: 'Premium members are more active on LinkedIn' },
  { key: 'sameSchool', setting: 'Weight: Same school', default: 20, about: 'Alumni help alumni' },
  { key: 'inCommon', setting: 'Weight: In common (each)', default: 6, about: 'Each thing in common, up to 3' },
  { key: 'mutual', setting: 'Weight: Mutual connection', default: 5, about: 'A named mutual connection can introduce you' },
  { key: 'titleMatch', setting: 'Weight: Title match', default: 100, about: 'A title close to the target job makes the referral count' },
  { key: 'seniority', setting: 'Weight: Seniority', default: 40, about: 'A senior, lead or manager in the job’s function carries weight' },
  { key: 'executive', setting: 'Weight: Executive penalty', default: 20, about: 'Executives answer strangers less often' },
];

export type Weights = Readonly<Record<WeightKey, number>>;

/** The default weights. */
export function defaultWeights(): Weights {
  return Object.fromEntries(WEIGHTS.map((w) => [w.key, w.default])) as Record<WeightKey, number>;
}
