/**
 * Trains the extractor's models: `npm run train` writes src/extract/model/tagger.json (methods,
 * datasets, tasks) and src/extract/model/invariance.json (invariance kinds) from the gold
 * annotations in ../shared/gold: train.jsonl, whose texts are the shipped corpus, and
 * train-arxiv.jsonl and train-arxiv-bulk.jsonl, which carry their own. dev.jsonl is never read
 * here. The invariance classifier learns from the first two only: the bulk file's readers tagged
 * an invariance only where the text says invariant, equivariant or symmetry (its README).
 *
 * Memory follows the features, not the papers: each feature string is interned once, and each
 * paper keeps its words' feature ids packed in one array per sentence (13,463 papers, 72 million
 * ids); a paper's evidence is read again where an out-of-fold paper is analysed.
 *
 * `npm run train -- --folds 5` first prints cross-validated precision, recall and F1 per type on
 * each training file: each fold's papers are scored, as `papergraph eval` scores, by models
 * trained on every other paper of the files. `--curve` prints the learning curve on the last file
 * (⅛, ¼, ½ and all of its papers), `--files` names the files to read. `--design token` trains the tagger without label
 * transitions (each word classified on its own), `--design crf` as a conditional random field,
 * for comparison; `--errors` lists each
 * out-of-fold paper's errors. Seeded: the same data gives the same models, byte for byte.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { evaluate, type GoldPaper, goldPapers, parseGold } from "../src/eval/index.js";
import { canonicalize } from "../src/extract/canonical.js";
import { type GoldName, goldLabels } from "../src/extract/model/align.js";
import { trainCrf } from "../src/extract/model/crf.js";
import {
  featureStrings,
  paperFeatures,
  type SentenceFeatures,
} from "../src/extract/model/features.js";
import type { ExtractorModels } from "../src/extract/model/index.js";
import {
  classifierFromModel,
  INVARIANCE_KINDS,
  invarianceFeatures,
  type StoredClassifier,
} from "../src/extract/model/invariance.js";
import { type BinaryExample, train, trainBinary } from "../src/extract/model/perceptron.js";
import { PHRASE_VALUES } from "../src/extract/model/phrase-table.js";
import { type StoredModel, storedModel, taggerFromModel } from "../src/extract/model/tagger.js";
import { type AnalyzedPaper, analyzeEvidence, paperEvidence } from "../src/extract/paper.js";
import { ingestPaths } from "../src/ingest/index.js";
import { seededRandom } from "../src/random.js";
import { ENTITY_TYPES, type InvarianceKind, type Paper } from "../src/types.js";
import { NamesSeen, type PaperNames } from "./names-seen.js";

const ROOT = join(import.meta.dirname, "..");
const GOLD_DIR = join(ROOT, "..", "shared", "gold");
const ALL_TRAINING_FILES = ["train.jsonl", "train-arxiv.jsonl", "train-arxiv-bulk.jsonl"];
/** The files whose invariance annotations the classifier learns from (see above). */
const INVARIANCE_FILES = new Set(["train.jsonl", "train-arxiv.jsonl"]);
const MODEL_DIR = join(ROOT, "src", "extract", "model");

const { values: args } = parseArgs({
  options: {
    folds: { type: "string" },
    files: { type: "string", default: ALL_TRAINING_FILES.join(",") },
    curve: { type: "boolean", default: false },
    "min-count": { type: "string", default: "5" },
    epochs: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    design: { type: "string", default: "sequence" },
    errors: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
/** The gold files read (`--files a.jsonl,b.jsonl`, in ../shared/gold), all three by default. */
const TRAINING_FILES = (args.files as string).split(",").filter(Boolean);
const EPOCHS = Number(args.epochs);
const SEED = Number(args.seed);
if (!["sequence", "token", "crf"].includes(args.design as string))
  throw new Error(`--design is "sequence", "token" or "crf", not "${args.design}"`);
/** AdaGrad's step for `--design crf`: the best of 0.1 and 0.3, with and without an L2 penalty. */
const CRF_RATE = 0.1;
/** Features seen fewer times than this in training are left out: they mostly memorise one paper. */
const MIN_COUNT = Number(args["min-count"]);

/** Every feature string the training papers give, interned once: its id, and how often it came. */
const FEATURES = { ids: new Map<string, number>(), names: [] as string[], counts: [] as number[] };

function intern(feature: string): number {
  let id = FEATURES.ids.get(feature);
  if (id === undefined) {
    id = FEATURES.names.length;
    FEATURES.ids.set(feature, id);
    FEATURES.names.push(feature);
    FEATURES.counts.push(0);
  }
  FEATURES.counts[id] = (FEATURES.counts[id] as number) + 1;
  return id;
}

/** A sentence's words' feature ids, packed: word w's are ids[starts[w]] to ids[starts[w + 1]]. */
interface PackedSentence {
  ids: Int32Array;
  starts: Int32Array;
  breaks: boolean[];
  labels: number[];
  /** Where gold names of any training file are written: (from, to, name id) triples. */
  names: Int32Array;
}

/** One annotated paper, read once: its features (packed) and gold labels. */
interface Example {
  file: string;
  gold: GoldPaper;
  paper: Paper;
  sentences: PackedSentence[];
  names: PaperNames;
  invariance: Map<InvarianceKind, string[]> | undefined;
}

/** Every gold name of the training files, for the names-seen features counted in each fold. */
const NAMES = new NamesSeen();

function packed(sentence: SentenceFeatures, labels: number[]): PackedSentence {
  const words = featureStrings(sentence);
  const starts = new Int32Array(words.length + 1);
  words.forEach((features, w) => {
    starts[w + 1] = (starts[w] as number) + features.length;
  });
  const ids = new Int32Array(starts[words.length] as number);
  let at = 0;
  for (const features of words) for (const feature of features) ids[at++] = intern(feature);
  return { ids, starts, breaks: sentence.breaks, labels, names: NAMES.matchesIn(sentence) };
}

function goldNames(gold: GoldPaper): GoldName[] {
  return (["method", "dataset", "task"] as const).flatMap((type) =>
    gold.items[type].map((item) => ({ type, forms: item.names })),
  );
}

async function loadExamples(): Promise<Example[]> {
  const { papers: corpus } = await ingestPaths([join(ROOT, "graph", "corpus")], { cwd: ROOT });
  const examples: Example[] = [];
  const files = TRAINING_FILES.map(
    (file) => [file, parseGold(readFileSync(join(GOLD_DIR, file), "utf8"), file)] as const,
  );
  for (const [, gold] of files)
    for (const record of gold)
      for (const { forms } of goldNames(record)) for (const form of forms) NAMES.add(form);
  for (const [file, gold] of files) {
    const { papers, ids } = goldPapers(gold, corpus);
    const byId = new Map(papers.map((p) => [p.id, p]));
    gold.forEach((record, i) => {
      const paper = byId.get(ids[i] as string);
      if (!paper) throw new Error(`${file}: no text for "${record.title}"`);
      const evidence = paperEvidence(paper);
      const sentences = paperFeatures(evidence.fields, evidence.rules);
      const labels = goldLabels(sentences, goldNames(record));
      const packedSentences = sentences.map((s, k) => packed(s, labels[k] as number[]));
      const invariance = INVARIANCE_FILES.has(file)
        ? invarianceFeatures(evidence.fields, evidence.rules)
        : undefined;
      examples.push({
        file,
        gold: record,
        paper,
        sentences: packedSentences,
        names: NAMES.paperNames(
          packedSentences.map((s) => s.names),
          goldNames(record),
        ),
        invariance,
      });
    });
  }
  return examples;
}

/** The invariance classifier's features are left out below this count, whatever the tagger's. */
const INVARIANCE_MIN_COUNT = 2;

/** Ids of the feature strings seen at least INVARIANCE_MIN_COUNT times, in first-seen order. */
function indexOf(featureLists: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= INVARIANCE_MIN_COUNT) index.set(f, index.size);
  return index;
}

const ids = (index: ReadonlyMap<string, number>, features: readonly string[]) =>
  features.flatMap((f) => index.get(f) ?? []);

/**
 * The local id of each interned feature these examples see at least MIN_COUNT times (−1 for the
 * others), in first-seen order, and the features so kept.
 */
function taggerIndex(examples: readonly Example[]): { local: Int32Array; kept: string[] } {
  const all = examples.length === EXAMPLE_COUNT.all;
  const counts = all ? FEATURES.counts : new Array<number>(FEATURES.names.length).fill(0);
  if (!all)
    for (const { sentences } of examples)
      for (const { ids } of sentences)
        for (const id of ids) counts[id] = (counts[id] as number) + 1;
  const local = new Int32Array(FEATURES.names.length).fill(-1);
  const kept: string[] = [];
  counts.forEach((n, id) => {
    if (n < MIN_COUNT) return;
    local[id] = kept.length;
    kept.push(FEATURES.names[id] as string);
  });
  // The names-seen features, counted per fold rather than interned, come last.
  for (const value of PHRASE_VALUES) kept.push(`pt=${value}`);
  return { local, kept };
}

/** Each names-seen value's place among them, after the interned features. */
const PHRASE_VALUE_INDEX = new Map(PHRASE_VALUES.map((value, i) => [value, i]));

/**
 * A packed sentence in local ids, the features below MIN_COUNT left out, each word a view, and
 * each word's names-seen values after them (ids from `phraseBase` on).
 */
function localSequence(
  { ids, starts, breaks, labels }: PackedSentence,
  local: Int32Array,
  phrases: readonly string[][],
  phraseBase: number,
) {
  const extra = phrases.reduce((n, values) => n + values.length, 0);
  const kept = new Int32Array(ids.length + extra);
  const features: Int32Array[] = [];
  let at = 0;
  for (let w = 0; w + 1 < starts.length; w++) {
    const from = at;
    for (let i = starts[w] as number; i < (starts[w + 1] as number); i++) {
      const id = local[ids[i] as number] as number;
      if (id >= 0) kept[at++] = id;
    }
    for (const value of phrases[w] as string[])
      kept[at++] = phraseBase + (PHRASE_VALUE_INDEX.get(value) as number);
    features.push(kept.subarray(from, at));
  }
  return { features, breaks, labels };
}

/** How many examples were read: training on all of them uses the counts made while reading. */
const EXAMPLE_COUNT = { all: 0 };

/** The tagger trained on these examples, as tagger.json stores it. */
function trainTagger(
  examples: readonly Example[],
  trainedOn: Record<string, unknown>,
): StoredModel {
  const { local, kept } = taggerIndex(examples);
  const phraseBase = kept.length - PHRASE_VALUES.length;
  const counts = NAMES.counts(examples.map((e) => e.names));
  const sequences = examples.flatMap(({ sentences, names }) =>
    sentences.map((sentence) =>
      localSequence(
        sentence,
        local,
        NAMES.values(sentence.starts.length - 1, sentence.names, counts, names),
        phraseBase,
      ),
    ),
  );
  const weights =
    args.design === "crf"
      ? trainCrf(sequences, kept.length, {
          epochs: EPOCHS,
          seed: SEED,
          rate: CRF_RATE,
        })
      : train(sequences, kept.length, {
          epochs: EPOCHS,
          seed: SEED,
          transitions: args.design === "sequence",
        });
  return storedModel(kept, weights, NAMES.stored(counts), trainedOn);
}

/** The invariance classifier trained on these examples: one yes-or-no example per paper and kind. */
function trainInvariance(examples: readonly Example[]): StoredClassifier {
  const pairs = examples.flatMap(({ gold, invariance }) => {
    if (!invariance) return [];
    const kinds = new Set(gold.items.invariance.map((item) => item.kind));
    return INVARIANCE_KINDS.map((kind) => ({
      features: invariance.get(kind) as string[],
      label: kinds.has(kind),
    }));
  });
  const index = indexOf(pairs.map((p) => p.features));
  const binary: BinaryExample[] = pairs.map((p) => ({
    features: ids(index, p.features),
    label: p.label,
  }));
  const weights = trainBinary(binary, index.size, { epochs: EPOCHS, seed: SEED });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const kept = [...index.keys()].flatMap((f, i) => {
    const w = round(weights[i] as number);
    return w === 0 ? [] : [[f, w] as const];
  });
  return {
    format: "papergraph-binary/1",
    features: kept.map(([f]) => f),
    weights: kept.map(([, w]) => w),
  };
}

function trainModels(examples: readonly Example[]): ExtractorModels {
  return {
    tagger: taggerFromModel(trainTagger(examples, {})),
    invariance: classifierFromModel(trainInvariance(examples)),
  };
}

const pct = (x: number) => x.toFixed(3);

/** What each out-of-fold paper missed and wrongly found, for reading errors. */
function printErrors(report: ReturnType<typeof evaluate>) {
  const names = (items: { names: string[] }[]) =>
    items.map((i) => i.names.slice(0, 2).join(" / ")).join("; ");
  for (const paper of report.perPaper) {
    console.log(`## ${paper.title}`);
    for (const type of ENTITY_TYPES) {
      const { missed, wrong } = paper.errors[type];
      if (missed.length + wrong.length > 0)
        console.log(`  ${type}: missed [${names(missed)}]  wrong [${names(wrong)}]`);
    }
  }
}

/**
 * Out-of-fold analyses of every example: each fold's papers analysed by models trained on the
 * other folds' papers that `trainsOn` keeps (all of them, but for a learning curve).
 */
function outOfFold(
  examples: readonly Example[],
  folds: number,
  trainsOn: (index: number) => boolean = () => true,
): AnalyzedPaper[] {
  const analyzed = new Array<AnalyzedPaper>(examples.length);
  const random = seededRandom(SEED);
  const fold = examples.map(() => Math.floor(random() * folds));
  for (let k = 0; k < folds; k++) {
    const started = Date.now();
    const trainSet = examples.filter((_, i) => fold[i] !== k && trainsOn(i));
    const models = trainModels(trainSet);
    examples.forEach((e, i) => {
      if (fold[i] !== k) return;
      // Read again here rather than kept: a paper's evidence weighs a hundred times its ids.
      const evidence = paperEvidence(e.paper);
      const sentences = paperFeatures(evidence.fields, evidence.rules);
      analyzed[i] = analyzeEvidence(e.paper, evidence, sentences, models);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(`fold ${k + 1}/${folds}: trained on ${trainSet.length} papers in ${seconds} s`);
  }
  return analyzed;
}

/** One training file's out-of-fold analyses scored as `papergraph eval` scores them. */
function fileReport(
  examples: readonly Example[],
  analyzed: readonly AnalyzedPaper[],
  file: string,
) {
  const mine = examples.flatMap((e, i) =>
    e.file === file ? [{ e, a: analyzed[i] as AnalyzedPaper }] : [],
  );
  return evaluate(
    mine.map(({ e }) => e.gold),
    mine.map(({ e }) => e.paper.id),
    canonicalize(mine.map(({ a }) => a)),
  );
}

/** Cross-validated precision, recall and F1 per type on each training file. */
function crossValidate(examples: readonly Example[], folds: number) {
  const analyzed = outOfFold(examples, folds);
  for (const file of TRAINING_FILES) {
    const report = fileReport(examples, analyzed, file);
    console.log(
      `\n${file}: ${folds}-fold cross-validation (${args.design}), ${report.papers} papers`,
    );
    if (args.errors) printErrors(report);
    console.log("type         precision  recall  F1");
    for (const type of ENTITY_TYPES) {
      const s = report.byType[type];
      console.log(
        `${type.padEnd(12)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(7)} ${pct(s.f1)}`,
      );
    }
    const m = report.micro;
    console.log(
      `${"micro".padEnd(12)} ${pct(m.precision).padEnd(10)} ${pct(m.recall).padEnd(7)} ${pct(m.f1)}`,
    );
  }
}

/**
 * The learning curve on the last training file: cross-validated on it, each fold trained on the
 * other files whole and on ⅛, ¼, ½ and all of that file's other papers (a seeded draw, so each
 * share holds the smaller ones).
 */
function learningCurve(examples: readonly Example[], folds: number) {
  const file = TRAINING_FILES.at(-1) as string;
  const random = seededRandom(SEED + 1);
  const draw = examples.map(() => random());
  console.log(`\n${file}: learning curve, ${folds}-fold cross-validation (${args.design})`);
  console.log("share  papers  method  dataset  task   micro P  micro R  micro F1");
  for (const share of [1 / 8, 1 / 4, 1 / 2, 1]) {
    const trainsOn = (i: number) => examples[i]?.file !== file || (draw[i] as number) < share;
    const report = fileReport(examples, outOfFold(examples, folds, trainsOn), file);
    const papers = examples.filter((e, i) => e.file === file && trainsOn(i)).length;
    const f1 = (type: (typeof ENTITY_TYPES)[number]) => pct(report.byType[type].f1);
    const m = report.micro;
    console.log(
      `${share.toFixed(3)}  ${String(papers).padStart(6)}  ${f1("method")}   ${f1("dataset")}    ${f1("task")}  ${pct(m.precision)}    ${pct(m.recall)}    ${pct(m.f1)}`,
    );
  }
}

const started = Date.now();
const examples = await loadExamples();
EXAMPLE_COUNT.all = examples.length;
console.error(
  `read ${examples.length} annotated papers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (args.folds) crossValidate(examples, Number(args.folds));
if (args.curve) learningCurve(examples, Number(args.folds ?? 5));
if (!args["no-write"]) {
  const tagger = trainTagger(examples, {
    files: TRAINING_FILES.map((file) => `../shared/gold/${file}`),
    papers: examples.length,
    design: args.design,
    epochs: EPOCHS,
    seed: SEED,
    minCount: MIN_COUNT,
  });
  writeFileSync(join(MODEL_DIR, "tagger.json"), `${JSON.stringify(tagger)}\n`);
  const invariance = trainInvariance(examples);
  writeFileSync(join(MODEL_DIR, "invariance.json"), `${JSON.stringify(invariance)}\n`);
  console.error(
    `wrote src/extract/model/tagger.json (${tagger.features.length} features) and invariance.json (${invariance.features.length})`,
  );
}
