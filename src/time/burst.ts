/**
 * Kleinberg's burst detection for documents arriving in batches ("Bursty and hierarchical
 * structure in streams", KDD 2002, §4), as CiteSpace applies it to terms: each month holds
 * `totals[t]` papers of which `counts[t]` name the entity. A two-state automaton, base rate
 * p0 = Σcounts / Σtotals and burst rate p1 = s·p0, emits each month's count as a binomial draw;
 * entering the burst state costs γ·ln(months), leaving it is free. The cheapest state sequence
 * (Viterbi) marks the bursts; a burst's strength is how much likelier its months are under the
 * burst rate than under the base rate (the sum of the log-likelihood differences).
 */

export interface BurstOptions {
  /** How many times the base rate a burst runs at. */
  s: number;
  /** The price of entering a burst, in units of ln(months): higher finds fewer, stronger bursts. */
  gamma: number;
}

/** CiteSpace's and Kleinberg's usual setting: a burst doubles the rate. */
export const DEFAULT_BURST: BurstOptions = { s: 2, gamma: 1 };

/** A run of months in the burst state: [start, end] as month indices, both included. */
export interface Burst {
  start: number;
  end: number;
  strength: number;
}

/** −ln of the binomial likelihood of `r` of `d` at rate `p`, without the term both states share. */
function cost(r: number, d: number, p: number): number {
  return -(r * Math.log(p) + (d - r) * Math.log(1 - p));
}

/** The bursts of one series, earliest first; none where the entity is never named. */
export function detectBursts(
  counts: ArrayLike<number>,
  totals: ArrayLike<number>,
  options: BurstOptions = DEFAULT_BURST,
): Burst[] {
  const n = counts.length;
  let named = 0;
  let papers = 0;
  for (let t = 0; t < n; t++) {
    named += counts[t] as number;
    papers += totals[t] as number;
  }
  if (named === 0 || papers === 0 || n === 0) return [];
  const p0 = named / papers;
  // An entity named by nearly every paper has no room to burst.
  const p1 = Math.min(options.s * p0, 0.9999);
  if (p1 <= p0) return [];
  const enter = options.gamma * Math.log(n);
  const gain = (t: number) => {
    const r = counts[t] as number;
    const d = totals[t] as number;
    return d === 0 ? 0 : cost(r, d, p0) - cost(r, d, p1);
  };
  // Viterbi over two states: cheapest cost ending in each, and the state each came from.
  let base = 0;
  let burst = enter;
  const cameFromBurst: [boolean, boolean][] = [];
  for (let t = 0; t < n; t++) {
    const g = gain(t);
    const toBase: [number, boolean] = base <= burst ? [base, false] : [burst, true];
    const toBurst: [number, boolean] = base + enter < burst ? [base + enter, false] : [burst, true];
    cameFromBurst.push([toBase[1], toBurst[1]]);
    // Costs are kept relative to the base state's emission, so the burst state pays −gain.
    base = toBase[0];
    burst = toBurst[0] - g;
  }
  const states = new Array<boolean>(n);
  let inBurst = burst < base;
  for (let t = n - 1; t >= 0; t--) {
    states[t] = inBurst;
    inBurst = (cameFromBurst[t] as [boolean, boolean])[inBurst ? 1 : 0];
  }
  const bursts: Burst[] = [];
  for (let t = 0; t < n; t++) {
    if (!states[t]) continue;
    let start = t;
    let strength = 0;
    while (t < n && states[t]) strength += gain(t++);
    let end = t - 1;
    // A month without papers says nothing: a burst starts and ends in months that have some.
    while (totals[start] === 0 && start < end) start++;
    while (totals[end] === 0 && end > start) end--;
    bursts.push({ start, end, strength });
  }
  return bursts;
}
