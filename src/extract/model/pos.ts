import { modelFileHash, readModelFile } from "./files.js";
import { indexPairs, type PairIndex } from "./value-pairs.js";

/**
 * Parts of speech, by a greedy averaged-perceptron tagger (left to right, each word reading the
 * labels given the two before it) distilled from compromise: `npm run train:pos` tags arXiv
 * abstracts with compromise's full tagger and teaches this one to give the same tags. It agrees
 * with its teacher on 97.6% of the words of abstracts it never saw, at about a third of the cost
 * (compromise's tagging was half of extraction's time). compromise still splits the sentences and
 * words.
 */

/** compromise's tags that say a word's part of speech, most telling first (the features' coarse tag). */
export const COARSE_TAGS = [
  "Acronym",
  "Gerund",
  "Plural",
  "ProperNoun",
  "Noun",
  "Adjective",
  "Infinitive",
  "PastTense",
  "Verb",
  "Adverb",
  "Preposition",
  "Determiner",
  "Conjunction",
  "Pronoun",
  "Value",
] as const;

/** The tags the extractor reads (compromise's names); a label is the set of them a word has. */
export const POS_TAGS = [...COARSE_TAGS, "QuestionWord", "Modal", "Copula"] as const;
const KNOWN_TAGS: ReadonlySet<string> = new Set(POS_TAGS);

/** A word as the part-of-speech tagger reads it. */
export interface PosWord {
  text: string;
  lower: string;
  /** Punctuation right before and after it, spaces removed. */
  before: string;
  after: string;
}

/** A set of tags as one label, sorted and joined: {Plural, Noun} is "Noun+Plural"; no known tag at all is "-". */
export function posLabel(tags: ReadonlySet<string>): string {
  const known = [...tags].filter((tag) => KNOWN_TAGS.has(tag)).sort();
  return known.length === 0 ? "-" : known.join("+");
}

/** A character's class in a word shape: "X", "x", "d", or the character itself. */
function shapeClass(code: number, char: string): string {
  if (code >= 65 && code <= 90) return "X";
  if (code >= 97 && code <= 122) return "x";
  if (code >= 48 && code <= 57) return "d";
  return char;
}

/** "ResNet-50" → "XxXx-d": ASCII letters and digits by class, runs collapsed, at most 8 long. */
export function wordShape(text: string): string {
  let shape = "";
  let last = "";
  for (let i = 0; i < text.length && shape.length < 8; i++) {
    const kind = shapeClass(text.charCodeAt(i), text[i] as string);
    if (kind === last && (kind === "X" || kind === "x" || kind === "d")) continue;
    shape += kind;
    last = kind;
  }
  return shape;
}

const EDGE: PosWord = { text: "", lower: "<edge>", before: "", after: "" };

/** The features a word has wherever it stands: its spelling, affixes and shape. */
function ownFeatures(word: PosWord): string[] {
  const { lower } = word;
  return [
    `w=${lower}`,
    `x3=${lower.slice(-3)}`,
    `x2=${lower.slice(-2)}`,
    `p1=${lower.slice(0, 1)}`,
    `s=${wordShape(word.text)}`,
  ];
}

/** Where a neighbour stands from the word it lends features to. */
const OFFSETS = [-2, -1, 1, 2] as const;
type Offset = (typeof OFFSETS)[number];

/** The features a word lends the word `offset` away from it. */
function lentFeatures(word: PosWord, offset: Offset): string[] {
  const { lower } = word;
  if (offset === -1) return [`w-1=${lower}`, `x3-1=${lower.slice(-3)}`];
  if (offset === 1)
    return [`w+1=${lower}`, `x3+1=${lower.slice(-3)}`, `s+1=${wordShape(word.text)}`];
  return [`w${offset > 0 ? "+" : ""}${offset}=${lower}`];
}

/** The features of word `i` that read its place: the word pair, punctuation, sentence start. */
function placeFeatures(words: readonly PosWord[], i: number): string[] {
  const me = words[i] as PosWord;
  const prev = words[i - 1] ?? EDGE;
  const features = ["b", `ww+1=${me.lower}|${(words[i + 1] ?? EDGE).lower}`];
  if (i === 0) features.push("first");
  if (me.before) features.push(`bef=${me.before}`);
  if (me.after) features.push(`aft=${me.after}`);
  if (prev.after) features.push(`aft-1=${prev.after}`);
  return features;
}

/** The features of word `i` that do not depend on the labels before it. */
export function staticFeatures(words: readonly PosWord[], i: number): string[] {
  return [
    ...ownFeatures(words[i] as PosWord),
    ...OFFSETS.flatMap((offset) => lentFeatures(words[i + offset] ?? EDGE, offset)),
    ...placeFeatures(words, i),
  ];
}

/** The features that read the labels given to the two words before. */
export function historyFeatures(lower: string, previous: string, beforeThat: string): string[] {
  return [
    `t-1=${previous}`,
    `t-2t-1=${beforeThat}|${previous}`,
    `t-1x3=${previous}|${lower.slice(-3)}`,
  ];
}

/** The label before the first word of a sentence. */
export const NO_LABEL = "<s>";

/**
 * The tagger as pos.json stores it, flat, so that reading it makes a few large values rather than
 * a hundred thousand small ones: the features one per line, and per feature, in order, the number
 * of labels it weighs, then each label's index and its weight in thousandths.
 */
export interface StoredPosModel {
  format: "papergraph-pos/1";
  labels: string[];
  trainedOn: Record<string, unknown>;
  features: string;
  weights: number[];
}

/** Words whose summed weights are kept (the most a tagger remembers, to bound its memory). */
const REMEMBERED_WORDS = 20_000;

/** A feature, by its index in the model. */
type FeatureId = number;

/**
 * A part-of-speech tagger ready to read sentences. A word's score is a sum of feature weights,
 * found without spelling a feature out: by template, then value (pairs by their two halves);
 * what a word has wherever it stands, and what it lends each neighbour, are summed once per word
 * text and added where it is written. Weights are kept sparse, by feature (three labels a feature
 * on average). Gives the scores of staticFeatures and historyFeatures read through the model.
 */
export class PosTagger {
  private readonly labels: readonly string[];
  /** Each label's tags as a set, made once and shared by every word given that label. */
  private readonly tagSets: readonly ReadonlySet<string>[];
  /** Per template, value → feature; flags under "". */
  private readonly byTemplate = new Map<string, Map<string, FeatureId>>();
  /** Per pair template, its values by their halves (indexPairs). */
  private readonly pairs = new Map<string, PairIndex>();
  /** Per word text: its own features' weights summed, then those it lends at each of OFFSETS. */
  private readonly words = new Map<string, Float32Array>();

  /** Per feature, where its weights start in `labelOf`/`weightOf` (and the next one's start). */
  private readonly starts: Int32Array;
  private readonly labelOf: Uint8Array;
  private readonly weightOf: Float32Array;
  /** What tag() reads beyond a word's sums, found once (makeLookups). */
  private readonly lookups: ReturnType<PosTagger["makeLookups"]>;

  constructor(model: StoredPosModel) {
    if (model.format !== "papergraph-pos/1")
      throw new Error(`part-of-speech model: unknown format ${model.format}`);
    this.labels = model.labels;
    this.tagSets = model.labels.map((label) => new Set(label === "-" ? [] : label.split("+")));
    const features = model.features === "" ? [] : model.features.split("\n");
    const stored = model.weights;
    this.starts = new Int32Array(features.length + 1);
    this.labelOf = new Uint8Array((stored.length - features.length) / 2);
    this.weightOf = new Float32Array(this.labelOf.length);
    let read = 0;
    let written = 0;
    features.forEach((feature, f) => {
      this.starts[f] = written;
      const count = stored[read++] as number;
      for (let k = 0; k < count; k++, written++) {
        this.labelOf[written] = stored[read++] as number;
        this.weightOf[written] = (stored[read++] as number) / 1000;
      }
      const at = feature.indexOf("=");
      const template = at < 0 ? feature : feature.slice(0, at);
      const value = at < 0 ? "" : feature.slice(at + 1);
      this.valuesOf(template).set(value, f);
      if (value.includes("|"))
        indexPairs(
          entryOf(this.pairs, template, () => new Map()),
          value,
          f,
        );
    });
    this.starts[features.length] = written;
    this.lookups = this.makeLookups();
  }

  /** Adds a feature's weights to the scores (to those from `from` on). */
  private addFeature(scores: Float64Array, feature: FeatureId | undefined, from = 0): void {
    if (feature === undefined) return;
    const end = this.starts[feature + 1] as number;
    for (let k = this.starts[feature] as number; k < end; k++) {
      const at = from + (this.labelOf[k] as number);
      scores[at] = (scores[at] as number) + (this.weightOf[k] as number);
    }
  }

  private valuesOf(template: string): Map<string, FeatureId> {
    return entryOf(this.byTemplate, template, () => new Map<string, FeatureId>());
  }

  private idOf(feature: string): FeatureId {
    const at = feature.indexOf("=");
    return this.byTemplate.get(feature.slice(0, at))?.get(feature.slice(at + 1)) ?? -1;
  }

  /** A word's summed weights: its own, then what it lends at each offset; remembered while there is room. */
  private wordSums(word: PosWord): Float32Array {
    let sums = this.words.get(word.text);
    if (sums) return sums;
    const L = this.labels.length;
    const sum = new Float64Array(L * (1 + OFFSETS.length));
    const add = (features: string[], from: number) => {
      for (const feature of features) {
        const id = this.idOf(feature);
        if (id >= 0) this.addFeature(sum, id, from);
      }
    };
    add(ownFeatures(word), 0);
    OFFSETS.forEach((offset, k) => {
      add(lentFeatures(word, offset), L * (k + 1));
    });
    // Kept in singles: half the memory, and tagging reads it word after word.
    sums = Float32Array.from(sum);
    if (this.words.size < REMEMBERED_WORDS) this.words.set(word.text, sums);
    return sums;
  }

  /** A flag's row, a template's row for a value, a pair template's row for two values. */
  private flag(template: string): FeatureId | undefined {
    return this.byTemplate.get(template)?.get("");
  }
  private values(template: string): ReadonlyMap<string, FeatureId> {
    return this.byTemplate.get(template) ?? new Map();
  }
  private pairsOf(template: string): PairIndex {
    return this.pairs.get(template) ?? new Map();
  }

  /** Each word's tags, in order. */
  tag(words: readonly PosWord[]): ReadonlySet<string>[] {
    const L = this.labels.length;
    const n = words.length;
    const scores = new Float64Array(L);
    const sums = words.map((word) => this.wordSums(word));
    const edge = this.wordSums(EDGE);
    const { bias, first, before, after, afterPrevious, nextWord, history, previousSuffix } =
      this.lookups;
    const tags: ReadonlySet<string>[] = [];
    // Label indices shifted by one: 0 is the sentence start, before any label.
    let previous = 0;
    let beforeThat = 0;
    for (let i = 0; i < n; i++) {
      const me = words[i] as PosWord;
      scores.fill(0);
      addSums(scores, sums[i] as Float32Array, 0);
      // Bounds checked first: reading an array at -1 is a slow property lookup in V8.
      for (let k = 0; k < OFFSETS.length; k++) {
        const at = i + (OFFSETS[k] as Offset);
        addSums(scores, at >= 0 && at < n ? (sums[at] as Float32Array) : edge, L * (k + 1));
      }
      this.addFeature(scores, bias);
      this.addFeature(
        scores,
        nextWord.get(me.lower)?.get(i + 1 < n ? (words[i + 1] as PosWord).lower : EDGE.lower),
      );
      if (i === 0) this.addFeature(scores, first);
      if (me.before) this.addFeature(scores, before.get(me.before));
      if (me.after) this.addFeature(scores, after.get(me.after));
      if (i > 0) {
        const punctuation = (words[i - 1] as PosWord).after;
        if (punctuation) this.addFeature(scores, afterPrevious.get(punctuation));
      }
      addSums(scores, history[beforeThat * (L + 1) + previous] as Float32Array, 0);
      this.addFeature(scores, previousSuffix[previous]?.get(me.lower.slice(-3)));
      let best = 0;
      for (let l = 1; l < L; l++) if ((scores[l] as number) > (scores[best] as number)) best = l;
      tags.push(this.tagSets[best] as ReadonlySet<string>);
      beforeThat = previous;
      previous = best + 1;
    }
    return tags;
  }

  /** The rows tag() reads, found once: history by label indices (0 for the sentence start). */
  private makeLookups() {
    const L = this.labels.length;
    const names = [NO_LABEL, ...this.labels];
    const label = this.values("t-1");
    const labelPair = this.pairsOf("t-2t-1");
    // t-1 and t-2t-1 summed, for every pair of labels before.
    const history = names.flatMap((beforeThat) =>
      names.map((previous) => {
        const row = new Float64Array(L);
        this.addFeature(row, label.get(previous));
        this.addFeature(row, labelPair.get(beforeThat)?.get(previous));
        return Float32Array.from(row);
      }),
    );
    const byPrevious = this.pairsOf("t-1x3");
    return {
      bias: this.flag("b"),
      first: this.flag("first"),
      before: this.values("bef"),
      after: this.values("aft"),
      afterPrevious: this.values("aft-1"),
      nextWord: this.pairsOf("ww+1"),
      history,
      previousSuffix: names.map((name) => byPrevious.get(name)),
    };
  }
}

/** The map's value at a key, made and set first if there is none. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Adds one label's worth of a word's summed weights (from `from` in them) to the scores. */
function addSums(scores: Float64Array, sums: Float32Array, from: number): void {
  for (let l = 0; l < scores.length; l++)
    scores[l] = (scores[l] as number) + (sums[from + l] as number);
}

let shipped: PosTagger | undefined;

/** The committed part-of-speech tagger (pos.json), read once. */
export function shippedPosTagger(): PosTagger {
  shipped ??= new PosTagger(readModelFile("pos.json") as StoredPosModel);
  return shipped;
}

/** Names the committed model in the extractor's fingerprint. */
export const POS_HASH = modelFileHash("pos.json");
