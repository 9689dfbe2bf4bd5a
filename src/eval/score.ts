import { maximumMatching, namesMatch } from "../guidelines-match.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";
import type { ItemsByType, ScoredItem } from "./gold.js";

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface Counts {
  matched: number;
  found: number;
  gold: number;
}

export interface TypeErrors {
  missed: ScoredItem[];
  wrong: ScoredItem[];
}

export interface PaperScore {
  counts: Record<EntityType, Counts>;
  errors: Record<EntityType, TypeErrors>;
}

function itemsMatch(type: EntityType, found: ScoredItem, gold: ScoredItem): boolean {
  if (type === "invariance") return found.kind === gold.kind;
  return found.names.some((f) => gold.names.some((g) => namesMatch(f, g)));
}

/** Scores one paper, type by type: each gold item matches at most one found item. */
export function scorePaper(found: ItemsByType, gold: ItemsByType): PaperScore {
  const counts = {} as PaperScore["counts"];
  const errors = {} as PaperScore["errors"];
  for (const type of ENTITY_TYPES) {
    const f = found[type];
    const g = gold[type];
    const owner = maximumMatching(f.length, g.length, (i, j) =>
      itemsMatch(type, f[i] as ScoredItem, g[j] as ScoredItem),
    );
    const usedFound = new Set(owner.filter((i) => i >= 0));
    counts[type] = { matched: usedFound.size, found: f.length, gold: g.length };
    errors[type] = {
      missed: g.filter((_, j) => owner[j] === -1),
      wrong: f.filter((_, i) => !usedFound.has(i)),
    };
  }
  return { counts, errors };
}

export function toScores({ matched, found, gold }: Counts): Scores {
  const precision = found === 0 ? 0 : matched / found;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { matched: a.matched + b.matched, found: a.found + b.found, gold: a.gold + b.gold };
}
