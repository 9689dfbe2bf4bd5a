import type { InvarianceKind, Paper } from "../types.js";
import type { Candidate, Field } from "./candidate.js";
import { entityKey } from "./keys.js";
import { notAnEntity } from "./lexicon.js";
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

function fieldOf(name: Field["name"], text: string): Field {
  return { name, text, sentences: analyze(text) };
}

/**
 * One type per entity key in a paper, the first the paper gives it ("EfficientNet" tagged a method,
 * later a dataset, stays a method), and one candidate per span (an invariance rule may find a span
 * twice), in text order.
 */
function settleTypes(candidates: readonly Candidate[]): Candidate[] {
  const inOrder = [...candidates].sort((a, b) =>
    a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "title" ? -1 : 1,
  );
  const typeOf = new Map<string, Candidate["type"]>();
  const spans = new Set<string>();
  return inOrder.filter((candidate) => {
    const span = `${candidate.field}:${candidate.start}:${candidate.end}:${candidate.type}`;
    if (spans.has(span)) return false;
    spans.add(span);
    if (candidate.type === "invariance") return true;
    const key = entityKey(candidate.text);
    const type = typeOf.get(key) ?? candidate.type;
    typeOf.set(key, type);
    return type === candidate.type;
  });
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
 * Everything found in one paper: methods, datasets and tasks as the tagger marks them, invariance
 * kinds as the classifier decides them, both reading the rules' candidates as evidence.
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
  const candidates = settleTypes([...entities, ...invariances]).filter(
    (c) => c.type === "invariance" || !notAnEntity(c.text, c.role === "proposed"),
  );
  return { paper, candidates };
}
