/**
 * Trains the extractor's models: `npm run train` writes src/extract/model/tagger.json (methods,
 * datasets, tasks) and src/extract/model/invariance.json (invariance kinds) from the gold
 * annotations in ../shared/gold: train.jsonl, whose texts are the shipped corpus, and
 * train-arxiv.jsonl, which carries its own. dev.jsonl is never read here.
 *
 * `npm run train -- --folds 5` first prints cross-validated precision, recall and F1 per type on
 * each training file: each fold's papers are scored, as `papergraph eval` scores, by models
 * trained on every other paper of both files. `--design token` trains the tagger without label
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
import { type StoredModel, storedModel, taggerFromModel } from "../src/extract/model/tagger.js";
import {
  type AnalyzedPaper,
  analyzeEvidence,
  type PaperEvidence,
  paperEvidence,
} from "../src/extract/paper.js";
import { ingestPaths } from "../src/ingest/index.js";
import { seededRandom } from "../src/random.js";
import { ENTITY_TYPES, type InvarianceKind, type Paper } from "../src/types.js";

const ROOT = join(import.meta.dirname, "..");
const GOLD_DIR = join(ROOT, "..", "shared", "gold");
const TRAINING_FILES = ["train.jsonl", "train-arxiv.jsonl"];
const MODEL_DIR = join(ROOT, "src", "extract", "model");

const { values: args } = parseArgs({
  options: {
    folds: { type: "string" },
    epochs: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    design: { type: "string", default: "sequence" },
    errors: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
const EPOCHS = Number(args.epochs);
const SEED = Number(args.seed);
if (!["sequence", "token", "crf"].includes(args.design as string))
  throw new Error(`--design is "sequence", "token" or "crf", not "${args.design}"`);
/** AdaGrad's step for `--design crf`: the best of 0.1 and 0.3, with and without an L2 penalty. */
const CRF_RATE = 0.1;
/** Features seen fewer times than this in training are left out: they mostly memorise one paper. */
const MIN_COUNT = 2;

/** One annotated paper, read once: its evidence, features and gold labels. */
interface Example {
  file: string;
  gold: GoldPaper;
  paper: Paper;
  evidence: PaperEvidence;
  sentences: SentenceFeatures[];
  /** Per sentence, each word's feature strings. */
  features: string[][][];
  labels: number[][];
  invariance: Map<InvarianceKind, string[]> | undefined;
}

function goldNames(gold: GoldPaper): GoldName[] {
  return (["method", "dataset", "task"] as const).flatMap((type) =>
    gold.items[type].map((item) => ({ type, forms: item.names })),
  );
}

async function loadExamples(): Promise<Example[]> {
  const { papers: corpus } = await ingestPaths([join(ROOT, "graph", "corpus")], { cwd: ROOT });
  const examples: Example[] = [];
  for (const file of TRAINING_FILES) {
    const gold = parseGold(readFileSync(join(GOLD_DIR, file), "utf8"), file);
    const { papers, ids } = goldPapers(gold, corpus);
    const byId = new Map(papers.map((p) => [p.id, p]));
    gold.forEach((record, i) => {
      const paper = byId.get(ids[i] as string);
      if (!paper) throw new Error(`${file}: no text for "${record.title}"`);
      const evidence = paperEvidence(paper);
      const sentences = paperFeatures(evidence.fields, evidence.rules);
      const labels = goldLabels(sentences, goldNames(record));
      const invariance = invarianceFeatures(evidence.fields, evidence.rules);
      const features = sentences.map(featureStrings);
      examples.push({
        file,
        gold: record,
        paper,
        evidence,
        sentences,
        features,
        labels,
        invariance,
      });
    });
  }
  return examples;
}

/** Ids of the feature strings seen at least MIN_COUNT times, in first-seen order. */
function indexOf(featureLists: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= MIN_COUNT) index.set(f, index.size);
  return index;
}

const ids = (index: ReadonlyMap<string, number>, features: readonly string[]) =>
  features.flatMap((f) => index.get(f) ?? []);

/** The tagger trained on these examples, as tagger.json stores it. */
function trainTagger(
  examples: readonly Example[],
  trainedOn: Record<string, unknown>,
): StoredModel {
  const index = indexOf(examples.flatMap((e) => e.features.flat()));
  const sequences = examples.flatMap(({ sentences, features, labels }) =>
    sentences.map((s, i) => ({
      features: (features[i] as string[][]).map((word) => ids(index, word)),
      breaks: s.breaks,
      labels: labels[i] as number[],
    })),
  );
  const weights =
    args.design === "crf"
      ? trainCrf(sequences, index.size, {
          epochs: EPOCHS,
          seed: SEED,
          rate: CRF_RATE,
        })
      : train(sequences, index.size, {
          epochs: EPOCHS,
          seed: SEED,
          transitions: args.design === "sequence",
        });
  return storedModel([...index.keys()], weights, trainedOn);
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

/** Out-of-fold analyses of every example, then each training file scored as `papergraph eval` does. */
function crossValidate(examples: readonly Example[], folds: number) {
  const analyzed = new Array<AnalyzedPaper>(examples.length);
  const random = seededRandom(SEED);
  const fold = examples.map(() => Math.floor(random() * folds));
  for (let k = 0; k < folds; k++) {
    const started = Date.now();
    const trainSet = examples.filter((_, i) => fold[i] !== k);
    const models = trainModels(trainSet);
    examples.forEach((e, i) => {
      if (fold[i] === k) analyzed[i] = analyzeEvidence(e.paper, e.evidence, e.sentences, models);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(`fold ${k + 1}/${folds}: trained on ${trainSet.length} papers in ${seconds} s`);
  }
  for (const file of TRAINING_FILES) {
    const mine = examples.flatMap((e, i) =>
      e.file === file ? [{ e, a: analyzed[i] as AnalyzedPaper }] : [],
    );
    const report = evaluate(
      mine.map(({ e }) => e.gold),
      mine.map(({ e }) => e.paper.id),
      canonicalize(mine.map(({ a }) => a)),
    );
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

const started = Date.now();
const examples = await loadExamples();
console.error(
  `read ${examples.length} annotated papers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (args.folds) crossValidate(examples, Number(args.folds));
if (!args["no-write"]) {
  const tagger = trainTagger(examples, {
    files: TRAINING_FILES.map((file) => `../shared/gold/${file}`),
    papers: examples.length,
    design: args.design,
    epochs: EPOCHS,
    seed: SEED,
  });
  writeFileSync(join(MODEL_DIR, "tagger.json"), `${JSON.stringify(tagger)}\n`);
  const invariance = trainInvariance(examples);
  writeFileSync(join(MODEL_DIR, "invariance.json"), `${JSON.stringify(invariance)}\n`);
  console.error(
    `wrote src/extract/model/tagger.json (${tagger.features.length} features) and invariance.json (${invariance.features.length})`,
  );
}
