/** A feature value that pairs two values ("w-1w=deep|learning"), found by its halves: first → second → id. */
export type PairIndex = Map<string, Map<string, number>>;

/**
 * Files a feature's id under each way of cutting its value at a "|" (so a word holding "|" is
 * found too): a tagger looks a pair up by its two halves without writing the pair out.
 */
export function indexPairs(pairs: PairIndex, value: string, id: number): void {
  for (let cut = value.indexOf("|"); cut >= 0; cut = value.indexOf("|", cut + 1)) {
    const first = value.slice(0, cut);
    let second = pairs.get(first);
    if (!second) {
      second = new Map();
      pairs.set(first, second);
    }
    second.set(value.slice(cut + 1), id);
  }
}
