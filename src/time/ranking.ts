/**
 * How well a score ranks pairs that met above pairs that did not, measured over every candidate
 * as it streams past (no candidate list is kept): ROC-AUC, and precision among the top K, ties at
 * the K-th place shared out as a random order of them would on average.
 */

/** The scores of a ranking: ROC-AUC and precision at 100 and at 1,000. */
export interface RankingScores {
  auc: number;
  precisionAt100: number;
  precisionAt1000: number;
}

export const TOP_K = [100, 1000] as const;

/** A min-heap of the `size` largest values offered. */
class TopValues {
  private readonly heap: Float64Array;
  private count = 0;
  constructor(private readonly size: number) {
    this.heap = new Float64Array(size);
  }
  offer(value: number): void {
    const heap = this.heap;
    if (this.count < this.size) {
      let i = this.count++;
      heap[i] = value;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heap[parent] as number) <= value) break;
        heap[i] = heap[parent] as number;
        heap[parent] = value;
        i = parent;
      }
      return;
    }
    if (value <= (heap[0] as number)) return;
    heap[0] = value;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.size && (heap[left] as number) < (heap[smallest] as number)) smallest = left;
      if (right < this.size && (heap[right] as number) < (heap[smallest] as number))
        smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
      i = smallest;
    }
  }
  /** The k-th largest value offered (k ≤ size), −∞ when fewer were. */
  kth(k: number): number {
    if (this.count < k) return Number.NEGATIVE_INFINITY;
    return [...this.heap.subarray(0, this.count)].sort((a, b) => b - a)[k - 1] as number;
  }
}

/** Positions in sorted `values` of the first value ≥ x (or > x, with `strict`). */
function bound(values: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid] as number;
    if (v < x || (strict && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One score's ranking, in two passes over the candidates: `observe` each (first pass), then
 * `recount` each (second pass) to share out the ties at the K-th place, then `scores`.
 */
export class RankingMeter {
  private readonly positives: Float64Array;
  private wins = 0;
  private negatives = 0;
  private readonly top = new TopValues(Math.max(...TOP_K));
  private thresholds: number[] = [];
  private above: number[] = [];
  private tied: number[] = [];

  /** `positiveScores`: the score of every pair that met. */
  constructor(positiveScores: ArrayLike<number>) {
    this.positives = Float64Array.from(positiveScores).sort();
  }

  observe(score: number, met: boolean): void {
    this.top.offer(score);
    if (met) return;
    this.negatives++;
    const below = bound(this.positives, score, false);
    const atOrBelow = bound(this.positives, score, true);
    this.wins += this.positives.length - atOrBelow + 0.5 * (atOrBelow - below);
  }

  recount(score: number): void {
    if (this.thresholds.length === 0) {
      this.thresholds = TOP_K.map((k) => this.top.kth(k));
      this.above = TOP_K.map(() => 0);
      this.tied = TOP_K.map(() => 0);
    }
    this.thresholds.forEach((t, i) => {
      if (score > t) (this.above[i] as number)++;
      else if (score === t) (this.tied[i] as number)++;
    });
  }

  scores(): RankingScores {
    const p = this.positives;
    const precision = TOP_K.map((k, i) => {
      const t = this.thresholds[i] ?? Number.NEGATIVE_INFINITY;
      const positivesAbove = p.length - bound(p, t, true);
      const positivesTied = bound(p, t, true) - bound(p, t, false);
      const above = this.above[i] ?? 0;
      const tied = this.tied[i] ?? 0;
      const shared = tied > 0 ? (Math.min(k, above + tied) - above) * (positivesTied / tied) : 0;
      return (positivesAbove + shared) / Math.min(k, above + tied || k);
    });
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    return {
      auc: round(p.length && this.negatives ? this.wins / (p.length * this.negatives) : 0.5),
      precisionAt100: round(precision[0] as number),
      precisionAt1000: round(precision[1] as number),
    };
  }
}
