/**
 * Which kinds of invariance a paper targets, decided per paper and kind by a linear classifier
 * (an averaged perceptron): the invariance rules' candidates, the cue words of each kind in the
 * sentences that speak of invariance, and those sentences' words are its evidence. Gold
 * annotations name kinds, not places, so the decision is made for the paper as a whole; the
 * rules' spans, where they found one of a kept kind, show where.
 */
import type { InvarianceKind } from "../../types.js";
import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { INVARIANCE_CUES } from "../lexicon.js";
import type { Word } from "../nlp.js";
import { modelFileHash, readModelFile } from "./files.js";

export const INVARIANCE_KINDS: readonly InvarianceKind[] = [
  "rotation",
  "translation",
  "scale",
  "permutation",
  "euclidean",
  "group",
  "viewpoint",
  "domain",
  "environment",
  "augmentation",
  "modality",
  "temporal",
  "illumination",
  "other",
];

/** A paper that never writes one of these has no invariance (the guidelines' rule). */
const TRIGGER = /invarian|equivarian|symmetr/i;

/** The binary classifier as stored (invariance.json, written by `npm run train`). */
export interface StoredClassifier {
  format: "papergraph-binary/1";
  features: string[];
  weights: number[];
}

export interface Classifier {
  weights: ReadonlyMap<string, number>;
}

export function classifierFromModel(model: StoredClassifier): Classifier {
  if (model.format !== "papergraph-binary/1")
    throw new Error(`invariance model: unknown format ${model.format}`);
  return { weights: new Map(model.features.map((f, i) => [f, model.weights[i] as number])) };
}

let shipped: Classifier | undefined;

/** The committed classifier (src/extract/model/invariance.json), read once. */
export function shippedInvarianceClassifier(): Classifier {
  shipped ??= classifierFromModel(readModelFile("invariance.json") as StoredClassifier);
  return shipped;
}

export const INVARIANCE_MODEL_HASH = modelFileHash("invariance.json");

const bucket = (n: number) => (n === 0 ? "0" : n === 1 ? "1" : n <= 3 ? "2" : "4");

/** The words of a field's sentences that speak of invariance, equivariance or symmetry. */
function triggerWords(fields: readonly Field[]): Word[] {
  return fields.flatMap((field) =>
    field.sentences.filter((s) => TRIGGER.test(s.text)).flatMap((s) => s.words),
  );
}

/** Cue words of each kind ("rotation", "SE(3)", "domains") among some words. */
function cueCounts(words: readonly Word[]): Map<InvarianceKind, number> {
  const counts = new Map<InvarianceKind, number>();
  for (const word of words) {
    for (const piece of [word.lower, ...word.lower.split(/[-–/]/)]) {
      const kind = INVARIANCE_CUES.get(piece) ?? INVARIANCE_CUES.get(piece.replace(/s$/, ""));
      if (kind) {
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        break;
      }
    }
  }
  return counts;
}

/**
 * The features of each kind for one paper, or undefined when the paper never speaks of invariance.
 * Each fact is given twice, once alone and once with the kind, so that what holds for every kind
 * ("a rule found it in the title") is learned from all of them.
 */
export function invarianceFeatures(
  fields: readonly Field[],
  rules: readonly Candidate[],
): Map<InvarianceKind, string[]> | undefined {
  const trigger = triggerWords(fields);
  if (trigger.length === 0) return undefined;
  const found = rules.filter((c) => c.type === "invariance");
  const inTrigger = cueCounts(trigger);
  const everywhere = cueCounts(fields.flatMap((f) => f.sentences.flatMap((s) => s.words)));
  const kindsFound = new Set(found.map((c) => c.invariance?.kind));
  const words = new Set(trigger.map((w) => w.norm));
  const title = new Set(
    fields.find((f) => f.name === "title")?.sentences.flatMap((s) => s.words.map((w) => w.norm)),
  );
  const byKind = new Map<InvarianceKind, string[]>();
  for (const kind of INVARIANCE_KINDS) {
    const shared = [
      "bias",
      `kinds=${bucket(kindsFound.size)}`,
      `cueTrigger=${bucket(inTrigger.get(kind) ?? 0)}`,
      `cueAll=${bucket(everywhere.get(kind) ?? 0)}`,
    ];
    const mine = found.filter((c) => c.invariance?.kind === kind);
    shared.push(`rules=${bucket(mine.length)}`);
    for (const c of mine)
      shared.push(`rule=${c.rule}`, `relation=${c.invariance?.relation}`, `field=${c.field}`);
    const features = [...new Set(shared)].flatMap((f) => [f, `${kind}|${f}`]);
    for (const w of words) features.push(`${kind}|w=${w}`);
    for (const w of title) features.push(`${kind}|t=${w}`);
    byKind.set(kind, features);
  }
  return byKind;
}

export function classifierScore(classifier: Classifier, features: readonly string[]): number {
  let score = 0;
  for (const f of features) score += classifier.weights.get(f) ?? 0;
  return score;
}

/**
 * The invariances a paper targets: for each kind the classifier keeps, the rules' mentions of that
 * kind, or, where no rule found a span of it, the paper's first word of invariance ("invariant",
 * "equivariance", "symmetric") standing for it.
 */
export function decideInvariances(
  fields: readonly Field[],
  rules: readonly Candidate[],
  classifier: Classifier,
): Candidate[] {
  const features = invarianceFeatures(fields, rules);
  if (!features) return [];
  const decided: Candidate[] = [];
  for (const [kind, f] of features) {
    if (classifierScore(classifier, f) <= 0) continue;
    const mine = rules.filter((c) => c.type === "invariance" && c.invariance?.kind === kind);
    if (mine.length > 0) decided.push(...mine);
    else {
      const cue = firstTriggerWord(fields);
      if (cue) decided.push({ ...cue.candidate, invariance: { kind, relation: cue.relation } });
    }
  }
  return decided;
}

function firstTriggerWord(fields: readonly Field[]) {
  for (const field of fields)
    for (const sentence of field.sentences)
      for (let i = 0; i < sentence.words.length; i++) {
        const word = sentence.words[i] as Word;
        if (!TRIGGER.test(word.text)) continue;
        const relation = /equivarian/i.test(word.text)
          ? ("equivariant" as const)
          : ("invariant" as const);
        const candidate = spanCandidate(field, sentence, i, i + 1, {
          type: "invariance",
          rule: "model:invariance",
        });
        return { candidate, relation };
      }
  return undefined;
}
