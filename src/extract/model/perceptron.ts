import { seededRandom } from "../../random.js";

/**
 * A linear-chain tagger trained as an averaged structured perceptron (Collins 2002): Viterbi over
 * BIO labels with emission weights per feature and label and transition weights per label pair.
 * Pure numbers in, numbers out: features arrive as ids, labels as indices.
 */

/** The labels, in the order the weights are laid out. "O" is outside any entity. */
export const LABELS = [
  "O",
  "B-method",
  "I-method",
  "B-dataset",
  "I-dataset",
  "B-task",
  "I-task",
] as const;
export type Label = (typeof LABELS)[number];
const L = LABELS.length;
/** Transition rows: one per previous label, and a last one for the sentence start. */
export const START = L;

/** "I-x" may only follow "B-x" or "I-x": the chain never opens an entity in its middle. */
export const ALLOWED: boolean[][] = Array.from({ length: L + 1 }, (_, prev) =>
  LABELS.map((label) => {
    if (!label.startsWith("I-")) return true;
    if (prev === START) return false;
    const p = LABELS[prev] as Label;
    return p !== "O" && p.slice(2) === label.slice(2);
  }),
);

export interface TaggerWeights {
  /** Emission weights, feature-major: weight of feature f for label l at f * LABELS.length + l. */
  emission: Float32Array | Float64Array;
  /** Transition weights: (previous label or START) * LABELS.length + label. */
  transition: Float32Array | Float64Array;
}

/** A position's feature ids: an array, or a view into the ids training packs per sentence. */
export type FeatureIds = ArrayLike<number> & Iterable<number>;

/**
 * One sequence: each position's feature ids (ids outside the weights are ignored), and where an
 * entity may not run on from the position before (a bracket, colon or full stop between them).
 */
export interface Sequence {
  features: readonly FeatureIds[];
  breaks: readonly boolean[];
}

/** The best label sequence under the weights (Viterbi, with the BIO constraint). */
export function decode(weights: TaggerWeights, sequence: Sequence): number[] {
  const n = sequence.features.length;
  if (n === 0) return [];
  const { emission, transition } = weights;
  const features = emission.length / L;
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  const emit = new Float64Array(L);
  for (let t = 0; t < n; t++) {
    emit.fill(0);
    for (const f of sequence.features[t] as FeatureIds) {
      if (f < 0 || f >= features) continue;
      const base = f * L;
      for (let l = 0; l < L; l++) emit[l] = (emit[l] as number) + (emission[base + l] as number);
    }
    for (let l = 0; l < L; l++) {
      if (t === 0) {
        score[l] = ALLOWED[START]?.[l]
          ? (emit[l] as number) + (transition[START * L + l] as number)
          : Number.NEGATIVE_INFINITY;
        continue;
      }
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      const from = sequence.breaks[t] ? START : undefined;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[from ?? p]?.[l]) continue;
        const s = (score[(t - 1) * L + p] as number) + (transition[p * L + l] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * L + l] = best + (emit[l] as number);
      back[t * L + l] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < L; l++)
    if ((score[(n - 1) * L + l] as number) > (score[(n - 1) * L + last] as number)) last = l;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + (path[t] as number)] as number;
  return path;
}

export interface TrainOptions {
  epochs: number;
  /** Seeds the order sequences are visited in, epoch by epoch. */
  seed: number;
  /**
   * Whether label-to-label transitions are learned (default). Without them each word is
   * classified on its own, the BIO constraint aside: the simpler design it was compared with.
   */
  transitions?: boolean;
}

/** A sequence with its gold labels, to learn from. */
export type LabelledSequence = Sequence & { labels: readonly number[] };

/** Emission and transition weights, all zero, as training starts from. */
export function zeroWeights(featureCount: number): {
  emission: Float64Array;
  transition: Float64Array;
} {
  return {
    emission: new Float64Array(featureCount * L),
    transition: new Float64Array((L + 1) * L),
  };
}

/** Fisher–Yates, in place: the order examples are visited in, epoch by epoch. */
export function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}

/**
 * Averaged structured perceptron: for each sequence, decode, and where the best path differs from
 * the gold one, move weights towards gold and away from the guess. The returned weights are the
 * average over every step (the "w − u/c" form), which generalises far better than the last ones.
 */
export function train(
  sequences: readonly LabelledSequence[],
  featureCount: number,
  options: TrainOptions,
): TaggerWeights {
  const w = zeroWeights(featureCount);
  const uEmission = new Float64Array(featureCount * L);
  const uTransition = new Float64Array((L + 1) * L);
  const random = seededRandom(options.seed);
  const order = sequences.map((_, i) => i);
  let c = 1;
  const bump = (emissionSide: boolean, index: number, delta: number) => {
    if (emissionSide) {
      w.emission[index] = (w.emission[index] as number) + delta;
      uEmission[index] = (uEmission[index] as number) + c * delta;
    } else {
      w.transition[index] = (w.transition[index] as number) + delta;
      uTransition[index] = (uTransition[index] as number) + c * delta;
    }
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const sequence = sequences[index] as (typeof sequences)[number];
      const { features, labels } = sequence;
      const guess = decode(w, sequence);
      for (let t = 0; t < labels.length; t++) {
        const gold = labels[t] as number;
        const got = guess[t] as number;
        const prevGold = t === 0 ? START : (labels[t - 1] as number);
        const prevGot = t === 0 ? START : (guess[t - 1] as number);
        if (gold !== got) {
          for (const f of features[t] as FeatureIds) {
            bump(true, f * L + gold, 1);
            bump(true, f * L + got, -1);
          }
        }
        if (options.transitions !== false && (gold !== got || prevGold !== prevGot)) {
          bump(false, prevGold * L + gold, 1);
          bump(false, prevGot * L + got, -1);
        }
      }
      c++;
    }
  }
  const average = (weights: Float64Array, u: Float64Array) =>
    weights.map((value, i) => value - (u[i] as number) / c);
  return {
    emission: average(w.emission, uEmission),
    transition: average(w.transition, uTransition),
  };
}

/** One yes-or-no example: its feature ids, and the answer. */
export interface BinaryExample {
  features: readonly number[];
  label: boolean;
}

/**
 * An averaged perceptron for yes-or-no questions: a weight per feature, "yes" when their sum is
 * above zero. Averaged as the tagger is, over every step of every epoch.
 */
export function trainBinary(
  examples: readonly BinaryExample[],
  featureCount: number,
  options: TrainOptions,
): Float64Array {
  const w = new Float64Array(featureCount);
  const u = new Float64Array(featureCount);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  let c = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const { features, label } = examples[index] as BinaryExample;
      let score = 0;
      for (const f of features) score += w[f] as number;
      if (score > 0 !== label) {
        const delta = label ? 1 : -1;
        for (const f of features) {
          w[f] = (w[f] as number) + delta;
          u[f] = (u[f] as number) + c * delta;
        }
      }
      c++;
    }
  }
  return w.map((value, i) => value - (u[i] as number) / c);
}
