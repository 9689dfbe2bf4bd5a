import type { EntityType } from "../types.js";
import { entityKey } from "./keys.js";
import { LEXICON_BY_KEY } from "./lexicon.js";
import type { AnalyzedPaper } from "./paper.js";

/** Short forms by key, with the type and long form (by key) each stands for. */
export type AcronymMap = ReadonlyMap<string, { type: EntityType; longKey: string }>;

/**
 * What the papers counted so far say each short form stands for: votes for each long form, by type
 * and short key, and the first paper (by index) to define it, which orders resolution.
 */
export type AcronymVotes = Map<string, { first: number; longForms: Map<string, number> }>;

/** Type and key of a short form, as votes are counted. */
function groupKey(type: EntityType, key: string): string {
  return `${type}|${key}`;
}

/** The key every form of a lexicon entry shares: its name's. */
export function lexiconKey(key: string): string {
  const entry = LEXICON_BY_KEY.get(key);
  return entry ? entityKey(entry.name) : key;
}

/** Adds the short forms that paper number `paper` defines ("Invariant Risk Minimization (IRM)") to `votes`. */
export function countAcronyms(votes: AcronymVotes, { candidates }: AnalyzedPaper, paper: number) {
  for (const long of candidates) {
    if (long.acronym === undefined || long.acronym === long.text) continue;
    const short = groupKey(long.type, entityKey(long.acronym));
    let forShort = votes.get(short);
    if (!forShort) {
      forShort = { first: paper, longForms: new Map() };
      votes.set(short, forShort);
    }
    forShort.first = Math.min(forShort.first, paper);
    const longKey = lexiconKey(entityKey(long.text));
    forShort.longForms.set(longKey, (forShort.longForms.get(longKey) ?? 0) + 1);
  }
}

/**
 * Each short form's long form, where every paper that defines it gives the same one ("IRM" →
 * "invariant risk minimization"): a paper that only uses "IRM" then names that entity. A short
 * form two papers define differently ("CLEAR") resolves to neither, so it never joins an entity
 * its own paper did not define. A short form defined with two types takes the type defined last in
 * corpus order, whatever order the votes were counted in.
 */
export function resolveAcronyms(
  votes: AcronymVotes,
): Map<string, { type: EntityType; longKey: string }> {
  const resolved = new Map<string, { type: EntityType; longKey: string }>();
  const inCorpusOrder = [...votes].sort(([, a], [, b]) => a.first - b.first);
  for (const [short, { longForms }] of inCorpusOrder) {
    const [type, shortKey] = short.split("|") as [EntityType, string];
    if (longForms.size > 1) {
      resolved.delete(shortKey);
      continue;
    }
    const [longKey] = [...longForms.keys()] as [string];
    resolved.set(shortKey, { type, longKey });
  }
  return resolved;
}

/**
 * Short forms defined anywhere in the papers, with the long form each resolves to, so an acronym
 * defined in one paper resolves in another.
 */
export function acronymMap(papers: readonly AnalyzedPaper[]): AcronymMap {
  const votes: AcronymVotes = new Map();
  papers.forEach((analyzed, paper) => {
    countAcronyms(votes, analyzed, paper);
  });
  return resolveAcronyms(votes);
}

/** Short keys that resolve differently (or only) in one map than in the other. */
export function changedAcronyms(before: AcronymMap, after: AcronymMap): Set<string> {
  const changed = new Set<string>();
  for (const [key, now] of after) {
    const then = before.get(key);
    if (then?.type !== now.type || then.longKey !== now.longKey) changed.add(key);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.add(key);
  return changed;
}
