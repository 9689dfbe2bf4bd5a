import { seededRandom } from "../../random.js";
import {
  ALLOWED,
  type FeatureIds,
  LABELS,
  type LabelledSequence,
  type Sequence,
  START,
  shuffle,
  type TaggerWeights,
  type TrainOptions,
  zeroWeights,
} from "./perceptron.js";

const L = LABELS.length;

/** log(Σ exp(x)) of some numbers, without overflow. */
function logSumExp(values: Float64Array, count: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) if ((values[i] as number) > max) max = values[i] as number;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

/** Whether label `l` may follow `p` at position t (p = START at the first position). */
function allowed(sequence: Sequence, t: number, p: number, l: number): boolean {
  return ALLOWED[t > 0 && sequence.breaks[t] ? START : p]?.[l] === true;
}

/** The transition weight from p to l at position t: the start row at the first position. */
const transitionIndex = (t: number, p: number, l: number) => (t === 0 ? START : p) * L + l;

export interface CrfOptions extends TrainOptions {
  /** AdaGrad's step. */
  rate: number;
}

/**
 * A linear-chain conditional random field over the tagger's features, trained by stochastic
 * gradient (AdaGrad) on the log-likelihood: the design compared with the averaged perceptron
 * (`npm run train -- --folds 5 --design crf`). Its weights decode with the same Viterbi
 * (perceptron.ts `decode`).
 */
export function trainCrf(
  sequences: readonly LabelledSequence[],
  featureCount: number,
  options: CrfOptions,
): TaggerWeights {
  const w = zeroWeights(featureCount);
  const g2 = {
    emission: new Float64Array(featureCount * L).fill(1e-8),
    transition: new Float64Array((L + 1) * L).fill(1e-8),
  };
  const random = seededRandom(options.seed);
  const order = sequences.map((_, i) => i);
  const step = (side: "emission" | "transition", index: number, gradient: number) => {
    g2[side][index] = (g2[side][index] as number) + gradient * gradient;
    w[side][index] =
      (w[side][index] as number) - (options.rate * gradient) / Math.sqrt(g2[side][index] as number);
  };
  const scratch = new Float64Array(L);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const sequence = sequences[index] as (typeof sequences)[number];
      const n = sequence.features.length;
      if (n === 0) continue;
      const emit = new Float64Array(n * L);
      for (let t = 0; t < n; t++)
        for (const f of sequence.features[t] as FeatureIds)
          for (let l = 0; l < L; l++)
            emit[t * L + l] = (emit[t * L + l] as number) + (w.emission[f * L + l] as number);
      const alpha = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
      const beta = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
      for (let l = 0; l < L; l++)
        if (allowed(sequence, 0, START, l))
          alpha[l] = (emit[l] as number) + (w.transition[transitionIndex(0, 0, l)] as number);
      for (let t = 1; t < n; t++)
        for (let l = 0; l < L; l++) {
          for (let p = 0; p < L; p++)
            scratch[p] = allowed(sequence, t, p, l)
              ? (alpha[(t - 1) * L + p] as number) +
                (w.transition[transitionIndex(t, p, l)] as number)
              : Number.NEGATIVE_INFINITY;
          alpha[t * L + l] = logSumExp(scratch, L) + (emit[t * L + l] as number);
        }
      for (let l = 0; l < L; l++) beta[(n - 1) * L + l] = 0;
      for (let t = n - 2; t >= 0; t--)
        for (let p = 0; p < L; p++) {
          for (let l = 0; l < L; l++)
            scratch[l] = allowed(sequence, t + 1, p, l)
              ? (w.transition[transitionIndex(t + 1, p, l)] as number) +
                (emit[(t + 1) * L + l] as number) +
                (beta[(t + 1) * L + l] as number)
              : Number.NEGATIVE_INFINITY;
          beta[t * L + p] = logSumExp(scratch, L);
        }
      for (let l = 0; l < L; l++) scratch[l] = alpha[(n - 1) * L + l] as number;
      const logZ = logSumExp(scratch, L);
      const { labels } = sequence;
      // Transition gradients are summed over the sequence and applied after: the pair marginals
      // read the transition weights as the forward-backward pass saw them.
      const transitionGradient = new Float64Array((L + 1) * L);
      for (let t = 0; t < n; t++) {
        const gold = labels[t] as number;
        for (let l = 0; l < L; l++) {
          const marginal = Math.exp(
            (alpha[t * L + l] as number) + (beta[t * L + l] as number) - logZ,
          );
          const gradient = marginal - (l === gold ? 1 : 0);
          if (Math.abs(gradient) < 1e-6) continue;
          for (const f of sequence.features[t] as FeatureIds) step("emission", f * L + l, gradient);
        }
        if (t === 0) {
          for (let l = 0; l < L; l++) {
            const marginal = Math.exp((alpha[l] as number) + (beta[l] as number) - logZ);
            const at = transitionIndex(0, 0, l);
            transitionGradient[at] =
              (transitionGradient[at] as number) + marginal - (l === gold ? 1 : 0);
          }
          continue;
        }
        const prevGold = labels[t - 1] as number;
        for (let p = 0; p < L; p++)
          for (let l = 0; l < L; l++) {
            if (!allowed(sequence, t, p, l)) continue;
            const pair = Math.exp(
              (alpha[(t - 1) * L + p] as number) +
                (w.transition[transitionIndex(t, p, l)] as number) +
                (emit[t * L + l] as number) +
                (beta[t * L + l] as number) -
                logZ,
            );
            const observed = p === prevGold && l === gold ? 1 : 0;
            const at = transitionIndex(t, p, l);
            transitionGradient[at] = (transitionGradient[at] as number) + pair - observed;
          }
      }
      transitionGradient.forEach((gradient, at) => {
        if (Math.abs(gradient) >= 1e-6) step("transition", at, gradient);
      });
    }
  }
  return w;
}
