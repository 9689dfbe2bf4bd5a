import type { EntityType } from "../../types.js";
import { FeatureEncoder, type SentenceFeatures } from "./features.js";
import { modelFileHash, readModelFile } from "./files.js";
import { decode, LABELS, type TaggerWeights } from "./perceptron.js";
import { type PhraseTable, phraseTable } from "./phrase-table.js";

/** The tagger's weights as they are stored (tagger.json, written by `npm run train`). */
export interface StoredModel {
  format: "papergraph-tagger/1";
  labels: readonly string[];
  /** What it was trained on and how, for the README and the curious. */
  trainedOn: Record<string, unknown>;
  transition: number[];
  features: string[];
  /** Emission weights, feature-major, LABELS.length a feature. */
  emission: number[];
  /** Names seen in training (phrase-table.ts): each name's singular words, and four counts a name. */
  phrases: { names: string[]; counts: number[] };
}

/** A trained tagger, ready to read sentences. */
export interface Tagger {
  /** Feature string → id, as trained. */
  index: ReadonlyMap<string, number>;
  encoder: FeatureEncoder;
  weights: TaggerWeights;
  /** The names seen in training it reads as features. */
  phrases: PhraseTable;
}

/** A span the tagger marks: words [from, to) of one sentence, and the type of entity it names. */
export interface TaggedSpan {
  sentence: number;
  from: number;
  to: number;
  type: Exclude<EntityType, "invariance">;
}

export function taggerFromModel(model: StoredModel): Tagger {
  if (model.format !== "papergraph-tagger/1" || model.labels.join() !== LABELS.join())
    throw new Error(`tagger model: unknown format ${model.format}`);
  const index = new Map(model.features.map((feature, i) => [feature, i]));
  const phrases = storedPhrases(model.phrases);
  return {
    index,
    phrases,
    encoder: new FeatureEncoder(index, phrases),
    weights: {
      emission: Float32Array.from(model.emission),
      transition: Float32Array.from(model.transition),
    },
  };
}

function storedPhrases({ names, counts }: StoredModel["phrases"]): PhraseTable {
  return phraseTable(names.map((name, i) => [name, counts.slice(4 * i, 4 * i + 4)]));
}

/** Weights rounded to four decimals, and features whose every weight rounds to zero left out. */
export function storedModel(
  features: readonly string[],
  weights: TaggerWeights,
  phrases: StoredModel["phrases"],
  trainedOn: Record<string, unknown>,
): StoredModel {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const L = LABELS.length;
  const kept: string[] = [];
  const emission: number[] = [];
  features.forEach((feature, f) => {
    const row = Array.from(weights.emission.subarray(f * L, f * L + L), round);
    if (row.every((x) => x === 0)) return;
    kept.push(feature);
    emission.push(...row);
  });
  return {
    format: "papergraph-tagger/1",
    labels: LABELS,
    trainedOn,
    transition: Array.from(weights.transition, round),
    features: kept,
    emission,
    phrases,
  };
}

let shipped: Tagger | undefined;

/** The committed model (src/extract/model/tagger.json), read once. */
export function shippedTagger(): Tagger {
  shipped ??= taggerFromModel(readModelFile("tagger.json") as StoredModel);
  return shipped;
}

/** Names the committed model in the extractor's fingerprint: a retrained model renews the cache. */
export const TAGGER_HASH = modelFileHash("tagger.json");

/** The spans the tagger marks in a paper's sentences. */
export function tagSpans(tagger: Tagger, sentences: readonly SentenceFeatures[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  sentences.forEach((sentence, s) => {
    const features = tagger.encoder.encode(sentence);
    const labels = decode(tagger.weights, { features, breaks: sentence.breaks });
    spans.push(...spansOf(labels).map((span) => ({ ...span, sentence: s })));
  });
  return spans;
}

/** BIO label indices → [from, to) spans with their types. */
export function spansOf(labels: readonly number[]): Omit<TaggedSpan, "sentence">[] {
  const spans: Omit<TaggedSpan, "sentence">[] = [];
  let open: Omit<TaggedSpan, "sentence"> | undefined;
  labels.forEach((index, i) => {
    const label = LABELS[index] as string;
    if (label.startsWith("I-") && open) {
      open.to = i + 1;
      return;
    }
    open = undefined;
    if (label.startsWith("B-")) {
      open = { from: i, to: i + 1, type: label.slice(2) as TaggedSpan["type"] };
      spans.push(open);
    }
  });
  return spans;
}
