/**
 * Likely duplicates among a built graph's entities, strongest first, each with the evidence a
 * reader weighs: an acronym and its long form, spellings a letter apart, the same name with or
 * without a generic head ("BERT model"), a lexicon that lists both names as one entity, and the
 * papers that name both. Candidates are found by blocking on keys, never by comparing all pairs.
 */
import { distance } from "fastest-levenshtein";
import { entityKey, LEXICON_BY_KEY, phraseWords, singular } from "../extract/index.js";
import type { KnowledgeGraph } from "../graph/index.js";
import type { EntityType } from "../types.js";

export type MergeEvidence =
  | { kind: "acronym"; short: string; long: string }
  | { kind: "spelling"; distance: number }
  | { kind: "generic-word"; word: string }
  | { kind: "lexicon"; name: string }
  | { kind: "shared-papers"; papers: number };

export interface MergeSuggestion {
  /** The entity to merge, and the one to keep: the one more papers name, or the long form. */
  entity: { id: string; label: string; papers: number };
  into: { id: string; label: string; papers: number };
  type: EntityType;
  score: number;
  evidence: MergeEvidence[];
}

interface Candidate {
  id: string;
  label: string;
  type: EntityType;
  names: string[];
  key: string;
  papers: Set<string>;
}

/** Words that name what kind of thing an entity is, not which one. */
const GENERIC = new Set([
  "model",
  "method",
  "framework",
  "approach",
  "algorithm",
  "network",
  "architecture",
  "dataset",
  "benchmark",
  "task",
  "technique",
  "system",
]);

const WEIGHTS: Record<MergeEvidence["kind"], number> = {
  acronym: 3,
  lexicon: 3,
  "generic-word": 2.5,
  spelling: 2,
  "shared-papers": 0.5,
};

function candidatesOf(graph: KnowledgeGraph): Candidate[] {
  const candidates: Candidate[] = [];
  graph.forEachNode((id, a) => {
    if (a.type === "paper" || a.type === "invariance") return;
    const papers = new Set<string>();
    graph.forEachNeighbor(id, (neighbor, n) => {
      if (n.type === "paper") papers.add(neighbor);
    });
    const names = [a.label, ...(a.aliases ?? [])];
    candidates.push({ id, label: a.label, type: a.type, names, key: entityKey(a.label), papers });
  });
  return candidates.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The initials a long form would be shortened to: "graph neural networks" → "gnn". */
function initials(name: string): string {
  const words = phraseWords(name);
  return words.length >= 2 ? words.map((w) => w[0]).join("") : "";
}

/** A short form as written: two to eight letters, mostly capitals ("GNN", "ViT", "LLMs"). */
function shortForm(name: string): string | undefined {
  const bare = name.replace(/s$/, "");
  if (!/^[A-Za-z][A-Za-z0-9-]{1,7}$/.test(bare)) return undefined;
  const capitals = bare.replace(/[^A-Z]/g, "").length;
  return capitals >= 2 && capitals >= bare.length / 2
    ? bare.toLowerCase().replace(/-/g, "")
    : undefined;
}

/** The key without a generic trailing word, and that word. */
function withoutGeneric(name: string): { key: string; word: string } | undefined {
  const words = phraseWords(name).map(singular);
  const last = words.at(-1);
  if (words.length < 2 || !last || !GENERIC.has(last)) return undefined;
  return { key: words.slice(0, -1).join(""), word: last };
}

const digits = (key: string) => key.replace(/[^0-9]/g, "");

/** Groups of candidates that share a blocking key, of one type. */
function blocks(candidates: readonly Candidate[], keysOf: (c: Candidate) => string[]) {
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates)
    for (const key of new Set(keysOf(candidate))) {
      if (!key) continue;
      const block = byKey.get(`${candidate.type}|${key}`) ?? [];
      block.push(candidate);
      byKey.set(`${candidate.type}|${key}`, block);
    }
  return [...byKey.values()].filter((block) => block.length > 1 && block.length <= 50);
}

function evidenceFor(a: Candidate, b: Candidate): MergeEvidence[] {
  const evidence: MergeEvidence[] = [];
  for (const [short, long] of [
    [a, b],
    [b, a],
  ] as const) {
    const form = short.names.find((n) => shortForm(n));
    const spelled = form && long.names.find((n) => initials(n) === shortForm(form));
    if (form && spelled) {
      evidence.push({ kind: "acronym", short: form, long: spelled });
      break;
    }
  }
  const lexicon = a.names.map((n) => LEXICON_BY_KEY.get(entityKey(n))).find((e) => e);
  if (lexicon && b.names.some((n) => LEXICON_BY_KEY.get(entityKey(n)) === lexicon))
    evidence.push({ kind: "lexicon", name: lexicon.name });
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const stripped = withoutGeneric(x.label);
    if (stripped && stripped.key === y.key)
      evidence.push({ kind: "generic-word", word: stripped.word });
  }
  if (a.key.length >= 6 && digits(a.key) === digits(b.key)) {
    const d = distance(a.key, b.key);
    if (d > 0 && d <= (a.key.length >= 12 ? 2 : 1))
      evidence.push({ kind: "spelling", distance: d });
  }
  if (evidence.length === 0) return evidence;
  const shared = [...a.papers].filter((p) => b.papers.has(p)).length;
  if (shared > 0) evidence.push({ kind: "shared-papers", papers: shared });
  return evidence;
}

/** The merge's direction: into the long form of an acronym, else into the one more papers name. */
function direction(a: Candidate, b: Candidate, evidence: readonly MergeEvidence[]) {
  const acronym = evidence.find((e) => e.kind === "acronym");
  if (acronym) return a.names.includes(acronym.short) ? [a, b] : [b, a];
  if (a.papers.size !== b.papers.size) return a.papers.size < b.papers.size ? [a, b] : [b, a];
  return a.label.length < b.label.length || (a.label.length === b.label.length && a.id > b.id)
    ? [a, b]
    : [b, a];
}

/** Likely duplicates among the graph's methods, datasets and tasks, strongest first. */
export function suggestMerges(graph: KnowledgeGraph, limit = 50): MergeSuggestion[] {
  const candidates = candidatesOf(graph);
  const pairs = new Map<string, [Candidate, Candidate]>();
  const blockings = [
    blocks(candidates, (c) => c.names.flatMap((n) => [shortForm(n) ?? "", initials(n)])),
    blocks(candidates, (c) => [c.key, withoutGeneric(c.label)?.key ?? ""]),
    blocks(candidates, (c) => c.names.map((n) => LEXICON_BY_KEY.get(entityKey(n))?.name ?? "")),
    blocks(candidates, (c) => (c.key.length >= 6 ? [`${c.key.slice(0, 4)}${digits(c.key)}`] : [])),
  ];
  for (const block of blockings.flat())
    for (let i = 0; i < block.length; i++)
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [block[i] as Candidate, block[j] as Candidate];
        if (a.id !== b.id) pairs.set(a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`, [a, b]);
      }
  const suggestions: MergeSuggestion[] = [];
  for (const [a, b] of pairs.values()) {
    const evidence = evidenceFor(a, b);
    if (evidence.length === 0) continue;
    const [from, to] = direction(a, b, evidence) as [Candidate, Candidate];
    const score = evidence.reduce(
      (sum, e) => sum + WEIGHTS[e.kind] * (e.kind === "shared-papers" ? Math.min(e.papers, 4) : 1),
      0,
    );
    const ref = (c: Candidate) => ({ id: c.id, label: c.label, papers: c.papers.size });
    suggestions.push({ entity: ref(from), into: ref(to), type: from.type, score, evidence });
  }
  return suggestions
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.entity.papers + y.into.papers - (x.entity.papers + x.into.papers) ||
        (x.entity.id < y.entity.id ? -1 : 1),
    )
    .slice(0, limit);
}
