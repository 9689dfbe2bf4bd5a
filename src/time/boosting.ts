/**
 * Gradient-boosted decision trees for a yes/no outcome (logistic loss, Newton leaf values, splits
 * searched over quantile bins of each feature), small and deterministic: the gap scorer's model.
 * Trees capture what a linear score cannot: that sharing many neighbours means more between two
 * popular entities than between two rare ones, say.
 */

export interface BoostingOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** Fewest training rows a leaf may hold. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Candidate split thresholds per feature, at its quantiles. */
  bins: number;
}

export const DEFAULT_BOOSTING: BoostingOptions = {
  rounds: 300,
  depth: 2,
  learningRate: 0.05,
  minLeaf: 50,
  lambda: 1,
  bins: 48,
};

/**
 * A forest as flat arrays, tree after tree, each a complete binary tree of `depth` levels stored
 * breadth first: node i's children are 2i+1 and 2i+2, leaves hold values.
 */
export interface Forest {
  depth: number;
  /** The log-odds every score starts from. */
  base: number;
  /** Per inner node: the feature compared (-1: a leaf reached early, always left) and its threshold. */
  features: number[];
  thresholds: number[];
  /** Per leaf: the value added. */
  leaves: number[];
}

function innerNodes(depth: number): number {
  return 2 ** depth - 1;
}

/** The log-odds a forest gives a row of features. */
export function forestScore(forest: Forest, x: ArrayLike<number>): number {
  const inner = innerNodes(forest.depth);
  const leavesPerTree = inner + 1;
  const trees = forest.leaves.length / leavesPerTree;
  let z = forest.base;
  for (let t = 0; t < trees; t++) {
    let node = 0;
    const offset = t * inner;
    while (node < inner) {
      const feature = forest.features[offset + node] as number;
      const goRight =
        feature >= 0 && (x[feature] as number) > (forest.thresholds[offset + node] as number);
      node = 2 * node + (goRight ? 2 : 1);
    }
    z += forest.leaves[t * leavesPerTree + node - inner] as number;
  }
  return z;
}

/** The highest log-odds a forest can give any row: each tree's highest leaf. */
export function forestMax(forest: Forest): number {
  const leavesPerTree = innerNodes(forest.depth) + 1;
  let z = forest.base;
  for (let start = 0; start < forest.leaves.length; start += leavesPerTree)
    z += Math.max(...forest.leaves.slice(start, start + leavesPerTree));
  return z;
}

/** Each feature's candidate thresholds: distinct values at its quantiles. */
function binEdges(rows: readonly ArrayLike<number>[], feature: number, bins: number): number[] {
  const values = rows.map((r) => r[feature] as number).sort((a, b) => a - b);
  const edges = new Set<number>();
  for (let q = 1; q < bins; q++)
    edges.add(values[Math.floor((q * values.length) / bins)] as number);
  return [...edges].sort((a, b) => a - b);
}

/**
 * Fits a forest to rows of features and their outcomes; `weights` (1 by default) count a row as
 * that many, as when it stands for the rows a sample left out. Deterministic: no sampling.
 */
export function fitForest(
  rows: readonly ArrayLike<number>[],
  outcomes: readonly boolean[],
  options: BoostingOptions = DEFAULT_BOOSTING,
  weights?: ArrayLike<number>,
): Forest {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  const edges = Array.from({ length: k }, (_, f) => binEdges(rows, f, options.bins));
  // Each row's bin per feature: the number of edges below or at its value.
  const binned = Array.from({ length: k }, (_, f) => {
    const e = edges[f] as number[];
    return Uint8Array.from(rows, (r) => {
      const v = r[f] as number;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((e[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
  });
  const weightOf = (i: number) => (weights ? (weights[i] as number) : 1);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    if (outcomes[i]) positives += weightOf(i);
    else negatives += weightOf(i);
  }
  const base = Math.log(Math.max(positives, 0.5) / Math.max(negatives, 0.5));
  const z = new Float64Array(n).fill(base);
  const forest: Forest = { depth: options.depth, base, features: [], thresholds: [], leaves: [] };
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const inner = innerNodes(options.depth);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(z[i] as number)));
      g[i] = weightOf(i) * (p - (outcomes[i] ? 1 : 0));
      h[i] = weightOf(i) * Math.max(p * (1 - p), 1e-12);
    }
    const treeFeatures = new Array<number>(inner).fill(-1);
    const treeThresholds = new Array<number>(inner).fill(0);
    /** The best split's gain at each inner node so far. */
    const gains = new Float64Array(inner);
    const node = new Int32Array(n);
    for (let level = 0; level < options.depth; level++) {
      const first = 2 ** level - 1;
      const width = 2 ** level;
      for (let f = 0; f < k; f++) {
        const bins = (edges[f] as number[]).length + 1;
        const gs = new Float64Array(width * bins);
        const hs = new Float64Array(width * bins);
        const cs = new Int32Array(width * bins);
        const column = binned[f] as Uint8Array;
        for (let i = 0; i < n; i++) {
          const slot = ((node[i] as number) - first) * bins + (column[i] as number);
          gs[slot] = (gs[slot] as number) + (g[i] as number);
          hs[slot] = (hs[slot] as number) + (h[i] as number);
          cs[slot] = (cs[slot] as number) + 1;
        }
        for (let w = 0; w < width; w++) {
          let G = 0;
          let H = 0;
          let C = 0;
          for (let b = 0; b < bins; b++) {
            G += gs[w * bins + b] as number;
            H += hs[w * bins + b] as number;
            C += cs[w * bins + b] as number;
          }
          const parent = (G * G) / (H + options.lambda);
          let gl = 0;
          let hl = 0;
          let cl = 0;
          const at = first + w;
          for (let b = 0; b < bins - 1; b++) {
            gl += gs[w * bins + b] as number;
            hl += hs[w * bins + b] as number;
            cl += cs[w * bins + b] as number;
            if (cl < options.minLeaf || C - cl < options.minLeaf) continue;
            const gain =
              (gl * gl) / (hl + options.lambda) +
              ((G - gl) * (G - gl)) / (H - hl + options.lambda) -
              parent;
            if (gain > (gains[at] as number) + 1e-12) {
              gains[at] = gain;
              treeFeatures[at] = f;
              treeThresholds[at] = (edges[f] as number[])[b] as number;
            }
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const at = node[i] as number;
        const f = treeFeatures[at] as number;
        const right =
          f >= 0 && ((rows[i] as ArrayLike<number>)[f] as number) > (treeThresholds[at] as number);
        node[i] = 2 * at + (right ? 2 : 1);
      }
    }
    const leafG = new Float64Array(inner + 1);
    const leafH = new Float64Array(inner + 1);
    for (let i = 0; i < n; i++) {
      const leaf = (node[i] as number) - inner;
      leafG[leaf] = (leafG[leaf] as number) + (g[i] as number);
      leafH[leaf] = (leafH[leaf] as number) + (h[i] as number);
    }
    const values = Array.from(
      leafG,
      (gl, leaf) => (-options.learningRate * gl) / ((leafH[leaf] as number) + options.lambda),
    );
    for (let i = 0; i < n; i++)
      z[i] = (z[i] as number) + (values[(node[i] as number) - inner] as number);
    forest.features.push(...treeFeatures);
    forest.thresholds.push(...treeThresholds);
    forest.leaves.push(...values);
  }
  return forest;
}
