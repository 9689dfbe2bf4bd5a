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

/** The short form an entity's own label is, maybe with a version ("CUB-200-2011" → "cub"). */
function labelShortForm(label: string): string | undefined {
  const versioned = /^([A-Za-z][A-Za-z-]*?)(?:[- ]?\d[\d.-]*)?$/.exec(label);
  return shortForm(label) ?? (versioned?.[1] ? shortForm(versioned[1]) : undefined);
}

/** The key without a generic trailing word, and that word. */
function withoutGeneric(name: string): { key: string; word: string } | undefined {
  const words = phraseWords(name).map(singular);
  const last = words.at(-1);
  if (words.length < 2 || !last || !GENERIC.has(last)) return undefined;
  return { key: words.slice(0, -1).join(""), word: last };
}

const digits = (key: string) => key.replace(/[^0-9]/g, "");

/**
 * How far apart two names are spelled, when they differ in one word only and by little for its
 * length ("normalisation" / "normalization", "convolution" / "convolutional"): two real words
 * ("self" / "semi") or two numbers (CIFAR-10 / CIFAR-100) are not a misspelling.
 */
function spellingDistance(a: string, b: string): number | undefined {
  // Names of their own a letter apart are most often two things: ResNet and ResNeXt, BERT and BART.
  if (isProperName(a) || isProperName(b)) return undefined;
  const [x, y] = [phraseWords(a).map(singular), phraseWords(b).map(singular)];
  if (x.length !== y.length) return undefined;
  const differing = x.flatMap((word, i) => (word === y[i] ? [] : [[word, y[i] as string]]));
  const [pair] = differing;
  if (differing.length !== 1 || !pair) return undefined;
  const [one, other] = pair as [string, string];
  if (digits(one) !== digits(other)) return undefined;
  const d = distance(one, other);
  const longest = Math.max(one.length, other.length);
  return d <= (longest >= 10 ? 2 : longest >= 6 ? 1 : 0) ? d : undefined;
}

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

/**
 * A name of its own, not a common word or phrase: with a digit or a capital inside a word
 * ("GMFlow", "BERT", "OoD", "YOLOv8"). "diffusion", "Deep Learning" and "Sequence" are common
 * words however capitalised; a capitalised name ("Bonsai") cannot be told from them by its case.
 */
function isProperName(label: string): boolean {
  return /\d|[A-Za-z][A-Z]/.test(label);
}

function evidenceFor(a: Candidate, b: Candidate): MergeEvidence[] {
  const evidence: MergeEvidence[] = [];
  const shared = [...a.papers].filter((p) => b.papers.has(p)).length;
  // An entity that is a bare short form, and one that goes by the long form it spells, in a paper
  // that names both (initials alone are coincidence: "LRs" are learning rates more often than
  // linear regressions); not when the first already has its long form (it names two things).
  for (const [short, long] of shared > 0
    ? ([
        [a, b],
        [b, a],
      ] as const)
    : []) {
    const form = labelShortForm(short.label);
    const spelled = form && long.names.find((n) => initials(n) === form);
    if (form && spelled && !short.names.some((n) => initials(n) === form)) {
      evidence.push({ kind: "acronym", short: short.label, long: spelled });
      break;
    }
  }
  const lexicon = LEXICON_BY_KEY.get(a.key);
  if (lexicon && LEXICON_BY_KEY.get(b.key) === lexicon)
    evidence.push({ kind: "lexicon", name: lexicon.name });
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // "Bonsai algorithm" is Bonsai; "diffusion model" is narrower than "diffusion", a common word.
    const stripped = withoutGeneric(x.label);
    if (stripped && stripped.key === y.key && isProperName(y.label))
      evidence.push({ kind: "generic-word", word: stripped.word });
  }
  const d = spellingDistance(a.label, b.label);
  if (d !== undefined) evidence.push({ kind: "spelling", distance: d });
  if (evidence.length === 0) return evidence;
  if (shared > 0) evidence.push({ kind: "shared-papers", papers: shared });
  return evidence;
}

/**
 * The merge's direction: into the name without a generic head word, never adding one ("GMFlow
 * framework" into GMFlow); else into the name more papers write (CUB-200-2011 over
 * "Caltech-UCSD Birds"); among equals into the long form of an acronym, else into the fuller
 * name, which a fragment of it ("Masked Generative") often is not.
 */
function direction(a: Candidate, b: Candidate, evidence: readonly MergeEvidence[]) {
  if (evidence.some((e) => e.kind === "generic-word"))
    return withoutGeneric(a.label)?.key === b.key ? [a, b] : [b, a];
  if (a.papers.size !== b.papers.size) return a.papers.size < b.papers.size ? [a, b] : [b, a];
  const acronym = evidence.find((e) => e.kind === "acronym");
  if (acronym) return a.label === acronym.short ? [a, b] : [b, a];
  return a.label.length < b.label.length || (a.label.length === b.label.length && a.id > b.id)
    ? [a, b]
    : [b, a];
}

/** Likely duplicates among the graph's methods, datasets and tasks, strongest first. */
export function suggestMerges(graph: KnowledgeGraph, limit = 50): MergeSuggestion[] {
  const candidates = candidatesOf(graph);
  const pairs = new Map<string, [Candidate, Candidate]>();
  const blockings = [
    blocks(candidates, (c) => [labelShortForm(c.label) ?? "", ...c.names.map(initials)]),
    blocks(candidates, (c) => [c.key, withoutGeneric(c.label)?.key ?? ""]),
    blocks(candidates, (c) => [LEXICON_BY_KEY.get(c.key)?.name ?? ""]),
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
