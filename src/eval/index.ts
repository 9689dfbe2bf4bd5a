/**
 * Eval: scores extraction against gold annotations, exactly as the guidelines' "Counting" says.
 * Pure: the caller reads the gold file and the corpus.
 */
import { titleId, titleKey } from "../ingest/index.js";
import {
  ENTITY_TYPES,
  type Entity,
  type EntityType,
  type Extraction,
  type Paper,
  type PaperExtraction,
} from "../types.js";
import type { GoldPaper, ItemsByType, ScoredItem } from "./gold.js";
import {
  addCounts,
  type Counts,
  type PaperScore,
  type Scores,
  scorePaper,
  toScores,
} from "./score.js";

export { namesMatch } from "../guidelines-match.js";
export { GoldFormatError, type GoldPaper, parseGold } from "./gold.js";
export {
  type MergePair,
  type MergeReport,
  parseMergePairs,
  scoreMerges,
} from "./merges.js";
export type { Counts, Scores } from "./score.js";

export interface PaperReport extends PaperScore {
  id: string;
  title: string;
}

export interface EvalReport {
  papers: number;
  micro: Scores;
  byType: Record<EntityType, Scores & Counts>;
  perPaper: PaperReport[];
  /** Gold records whose paper is neither in the corpus nor carries its own abstract. */
  unmatched: string[];
}

/** What extraction found in one paper, as the scorer sees it: one item per entity. */
export function foundItems(
  extraction: PaperExtraction,
  entities: ReadonlyMap<string, Entity>,
): ItemsByType {
  const items: ItemsByType = { method: [], dataset: [], task: [], invariance: [] };
  const byEntity = new Map<string, ScoredItem>();
  for (const mention of extraction.mentions) {
    let item = byEntity.get(mention.entityId);
    if (!item) {
      const entity = entities.get(mention.entityId);
      item = {
        names: [entity?.name ?? mention.text, ...(entity?.aliases ?? [])],
        kind: mention.invariance?.kind,
      };
      byEntity.set(mention.entityId, item);
      items[mention.type].push(item);
    }
    if (!item.names.includes(mention.text)) item.names.push(mention.text);
  }
  return items;
}

/**
 * The papers to extract for a gold set: the corpus, plus gold records that carry their own text
 * and are not in it. Returns, per gold record, the id of its paper (or undefined).
 */
export function goldPapers(
  gold: readonly GoldPaper[],
  corpus: readonly Paper[],
): { papers: Paper[]; ids: (string | undefined)[] } {
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const byTitle = new Map(corpus.map((p) => [titleKey(p.title), p]));
  const papers = [...corpus];
  const ids = gold.map((record) => {
    const found = byId.get(record.id) ?? byTitle.get(titleKey(record.title));
    if (found) return found.id;
    if (record.abstract === undefined) return undefined;
    const paper: Paper = {
      id: record.id || titleId(record.title),
      title: record.title,
      abstract: record.abstract,
      sources: [],
    };
    papers.push(paper);
    byId.set(paper.id, paper);
    return paper.id;
  });
  return { papers, ids };
}

/** One paper's score over all four types. */
export interface PaperSummary extends Scores, Counts {
  id: string;
  title: string;
}

/** Each paper's micro-averaged score, worst first (ties: more gold entities first, then by title). */
export function byPaper(report: EvalReport): PaperSummary[] {
  return report.perPaper
    .map(({ id, title, counts }) => {
      const total = ENTITY_TYPES.reduce((sum, type) => addCounts(sum, counts[type]), {
        matched: 0,
        found: 0,
        gold: 0,
      } as Counts);
      // A paper with nothing to find and nothing found is right, not a zero.
      const scores =
        total.found + total.gold === 0 ? { precision: 1, recall: 1, f1: 1 } : toScores(total);
      return { id, title, ...scores, ...total };
    })
    .sort((a, b) => a.f1 - b.f1 || b.gold - a.gold || (a.title < b.title ? -1 : 1));
}

/** Only the items of these types: the others are left out of the score. */
function ofTypes(items: ItemsByType, types: readonly EntityType[]): ItemsByType {
  const kept = (type: EntityType) => (types.includes(type) ? items[type] : []);
  return {
    method: kept("method"),
    dataset: kept("dataset"),
    task: kept("task"),
    invariance: kept("invariance"),
  };
}

/**
 * Scores an extraction of the gold papers; `ids[i]` is the paper id of `gold[i]`. `types` limits
 * the score to some types (a corpus annotated for methods and tasks only); the others count zero.
 */
export function evaluate(
  gold: readonly GoldPaper[],
  ids: readonly (string | undefined)[],
  extraction: Extraction,
  types: readonly EntityType[] = ENTITY_TYPES,
): EvalReport {
  const entities = new Map(extraction.entities.map((e) => [e.id, e]));
  const extracted = new Map(extraction.papers.map((p) => [p.paper.id, p]));
  const zero = (): Counts => ({ matched: 0, found: 0, gold: 0 });
  const totals = { method: zero(), dataset: zero(), task: zero(), invariance: zero() };
  const perPaper: PaperReport[] = [];
  const unmatched: string[] = [];
  gold.forEach((record, index) => {
    const paper = ids[index] === undefined ? undefined : extracted.get(ids[index] as string);
    if (!paper) {
      unmatched.push(record.title);
      return;
    }
    const score = scorePaper(
      ofTypes(foundItems(paper, entities), types),
      ofTypes(record.items, types),
    );
    for (const type of ENTITY_TYPES) totals[type] = addCounts(totals[type], score.counts[type]);
    perPaper.push({ id: record.id, title: record.title, ...score });
  });
  const all = ENTITY_TYPES.reduce((sum, type) => addCounts(sum, totals[type]), zero());
  const byType = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, { ...toScores(totals[t]), ...totals[t] }]),
  ) as EvalReport["byType"];
  return { papers: perPaper.length, micro: toScores(all), byType, perPaper, unmatched };
}
