import type { InvarianceKind, Paper } from "../types.js";
import type { Candidate, Field } from "./candidate.js";
import { entityKey } from "./keys.js";
import { modelCandidates } from "./model/candidates.js";
import { paperFeatures, type SentenceFeatures } from "./model/features.js";
import { type ExtractorModels, shippedModels } from "./model/index.js";
import { decideInvariances } from "./model/invariance.js";
import { tagSpans } from "./model/tagger.js";
import { analyze } from "./nlp.js";
import { acronymCandidates } from "./rules/acronyms.js";
import { datasetListCandidates, namedDatasetCandidates } from "./rules/datasets.js";
import { headPhraseCandidates } from "./rules/heads.js";
import { contextKind, invarianceCandidates } from "./rules/invariance.js";
import { lexiconCandidates } from "./rules/lexicon.js";
import { coinedNameCandidates } from "./rules/names.js";
import { isProposalSentence, proposalCandidates } from "./rules/proposal.js";
import { titleCandidates, titlePurposeCandidates } from "./rules/title.js";

/** What the corpus pass needs of a paper: its candidates. */
export interface AnalyzedPaper {
  paper: Paper;
  candidates: Candidate[];
}

/** When rules disagree on a span, the more specific evidence wins (lower is stronger). */
const RULE_PRIORITY: Record<string, number> = {
  "lexicon:method": 0,
  "lexicon:dataset": 0,
  "lexicon:task": 0,
  "acronym-definition": 1,
  "title-name": 2,
  "title-purpose": 2,
  "named-dataset": 3,
  "dataset-list": 3,
  "proposal-object": 4,
  "acronym-use": 5,
  "coined-name": 6,
  "head-noun:task": 7,
  "head-noun:method": 7,
};

export function rulePriority(rule: string): number {
  return RULE_PRIORITY[rule] ?? 5;
}

function fieldOf(name: Field["name"], text: string): Field {
  return { name, text, sentences: analyze(text) };
}

/**
 * One type per entity key in a paper: the strongest rule's. "EfficientNet" found as a coined name
 * and in a dataset list stays what the stronger evidence says.
 */
function settleTypes(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.type === "invariance") continue;
    const key = entityKey(candidate.text);
    const current = best.get(key);
    if (!current || rulePriority(candidate.rule) < rulePriority(current.rule))
      best.set(key, candidate);
  }
  // One candidate per span: the strongest rule's, keeping what weaker ones knew (proposed, acronym).
  const bySpan = new Map<string, Candidate>();
  const ranked = candidates
    .filter((c) => c.type === "invariance" || best.get(entityKey(c.text))?.type === c.type)
    .sort((a, b) => rulePriority(a.rule) - rulePriority(b.rule));
  for (const candidate of ranked) {
    const span = `${candidate.field}:${candidate.start}:${candidate.end}:${candidate.type}`;
    const kept = bySpan.get(span);
    if (!kept) bySpan.set(span, { ...candidate });
    else {
      if (candidate.role === "proposed") kept.role = "proposed";
      kept.acronym ??= candidate.acronym;
    }
  }
  return [...bySpan.values()].sort((a, b) =>
    a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "title" ? -1 : 1,
  );
}

/** True when `outer` covers `inner`'s span and more, in the same field. */
function covers(outer: Candidate, inner: Candidate): boolean {
  const wider =
    outer.start <= inner.start &&
    outer.end >= inner.end &&
    outer.end - outer.start > inner.end - inner.start;
  return wider && outer.field === inner.field;
}

/**
 * A candidate inside a longer one of the same type is part of that name, not a mention of its own:
 * "vector machine" in "support vector machine", "contrastive learning" in "cross-view contrastive
 * learning (CVCL)". Known names inside a bare head-noun phrase stay: "graph neural network" in
 * "message-passing graph neural network".
 */
function dropNested(candidates: Candidate[]): Candidate[] {
  const nested = new Set<Candidate>();
  for (const bucket of byFieldAndType(candidates.filter((c) => c.type !== "invariance"))) {
    bucket.sort((a, b) => a.start - b.start);
    let longest = 0;
    for (const c of bucket) longest = Math.max(longest, c.end - c.start);
    const swallows = (outer: Candidate, inner: Candidate) =>
      covers(outer, inner) &&
      !(inner.rule.startsWith("lexicon") && outer.rule.startsWith("head-noun"));
    bucket.forEach((inner, i) => {
      // Only candidates starting within `longest` before this one's end can cover it: a window,
      // not the whole paper, so a 1 MB abstract is not quadratic.
      for (let j = i - 1; j >= 0 && (bucket[j] as Candidate).start >= inner.end - longest; j--)
        if (swallows(bucket[j] as Candidate, inner)) nested.add(inner);
      for (let j = i + 1; j < bucket.length && (bucket[j] as Candidate).start === inner.start; j++)
        if (swallows(bucket[j] as Candidate, inner)) nested.add(inner);
    });
  }
  return candidates.filter((c) => !nested.has(c));
}

function byFieldAndType(candidates: Candidate[]): Candidate[][] {
  const buckets = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.field}:${c.type}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  return [...buckets.values()];
}

/** A paper's fields and everything the rules find in them: the tagger's evidence. */
export interface PaperEvidence {
  fields: Field[];
  rules: Candidate[];
}

/** Runs the per-sentence rules over a paper's title and abstract. */
export function paperEvidence(paper: Paper): PaperEvidence {
  const fields = [fieldOf("title", paper.title), fieldOf("abstract", paper.abstract)];
  // The abstract's topic, read once and only if an unqualified "invariant" needs it: reading the
  // whole text for every such word made a 1 MB abstract quadratic.
  let topic: InvarianceKind | undefined;
  const topicKind = () => {
    topic ??= contextKind(`${paper.title}\n${paper.abstract}`);
    return topic;
  };
  const found: Candidate[] = [
    ...titleCandidates(fields[0] as Field),
    ...titlePurposeCandidates(fields[0] as Field),
  ];
  for (const field of fields) {
    for (const sentence of field.sentences) {
      const proposing = isProposalSentence(sentence);
      found.push(
        ...lexiconCandidates(field, sentence),
        ...acronymCandidates(field, sentence, proposing),
        ...proposalCandidates(field, sentence),
        ...datasetListCandidates(field, sentence),
        ...namedDatasetCandidates(field, sentence),
        ...coinedNameCandidates(field, sentence),
        ...headPhraseCandidates(field, sentence),
        ...invarianceCandidates(field, sentence, topicKind),
      );
    }
  }
  const standing = new Set(invariancesOf(found));
  return { fields, rules: found.filter((c) => c.type !== "invariance" || standing.has(c)) };
}

/**
 * Invariances the rules found that stand: group names count only in papers that speak of
 * invariance or symmetry at all, and a bare "invariant" takes its kind from the abstract's topic
 * only when no kind is stated anywhere.
 */
function invariancesOf(found: readonly Candidate[]): Candidate[] {
  const speaksOfInvariance = found.some((c) => c.rule === "invariance-cue");
  const statesKind = found.some((c) => c.rule === "invariance-cue" || c.rule === "group-name");
  return found.filter(
    (c) =>
      c.type === "invariance" &&
      (c.rule !== "group-name" || speaksOfInvariance) &&
      (c.rule !== "invariance-context" || !statesKind),
  );
}

/**
 * Everything found in one paper: methods, datasets and tasks as the tagger marks them, reading the
 * rules' candidates as evidence; invariances as the invariance rules find them.
 */
export function analyzePaper(
  paper: Paper,
  models: ExtractorModels = shippedModels(),
): AnalyzedPaper {
  const evidence = paperEvidence(paper);
  return analyzeEvidence(paper, evidence, paperFeatures(evidence.fields, evidence.rules), models);
}

/** analyzePaper from evidence already gathered: training tries many taggers on the same papers. */
export function analyzeEvidence(
  paper: Paper,
  { fields, rules }: PaperEvidence,
  sentences: readonly SentenceFeatures[],
  models: ExtractorModels,
): AnalyzedPaper {
  const entities = modelCandidates(sentences, tagSpans(models.tagger, sentences), rules);
  const invariances = decideInvariances(fields, rules, models.invariance);
  const candidates = dropNested(settleTypes([...entities, ...invariances]));
  return { paper, candidates };
}
