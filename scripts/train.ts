/**
 * Trains the extractor's tagger: `npm run train` writes src/extract/model/tagger.json from the
 * gold annotations in ../shared/gold (train.jsonl, whose texts are the shipped corpus, and
 * train-arxiv.jsonl, which carries its own). `npm run train -- --folds 5` first prints
 * cross-validated precision, recall and F1 per type on each training file: each fold's papers are
 * scored by a tagger trained on every other paper of both files. Seeded: the same data gives the
 * same model, byte for byte. dev.jsonl is never read here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { GoldPaper } from "../src/eval/index.js";
import { evaluate, goldPapers, parseGold } from "../src/eval/index.js";
import { canonicalize } from "../src/extract/canonical.js";
import { type GoldName, goldLabels } from "../src/extract/model/align.js";
import { paperFeatures, type SentenceFeatures } from "../src/extract/model/features.js";
import { seededRandom, train } from "../src/extract/model/perceptron.js";
import { type StoredModel, storedModel, taggerFromModel } from "../src/extract/model/tagger.js";
import {
  type AnalyzedPaper,
  analyzeEvidence,
  type PaperEvidence,
  paperEvidence,
} from "../src/extract/paper.js";
import { ingestPaths } from "../src/ingest/index.js";
import { ENTITY_TYPES, type Paper } from "../src/types.js";

const ROOT = join(import.meta.dirname, "..");
const GOLD_DIR = join(ROOT, "..", "shared", "gold");
const TRAINING_FILES = ["train.jsonl", "train-arxiv.jsonl"];
const MODEL_PATH = join(ROOT, "src", "extract", "model", "tagger.json");

const { values: args } = parseArgs({
  options: {
    folds: { type: "string" },
    epochs: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    "no-write": { type: "boolean", default: false },
    errors: { type: "boolean", default: false },
  },
});
const EPOCHS = Number(args.epochs);
const SEED = Number(args.seed);

/** One annotated paper, read once: its evidence, features and gold labels. */
interface Example {
  file: string;
  gold: GoldPaper;
  paper: Paper;
  evidence: PaperEvidence;
  sentences: SentenceFeatures[];
  labels: number[][];
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
      examples.push({
        file,
        gold: record,
        paper,
        evidence,
        sentences,
        labels: goldLabels(sentences, goldNames(record)),
      });
    });
  }
  return examples;
}

/**
 * The model's vocabulary: every feature string seen at least MIN_COUNT times in training, in
 * first-seen order. Rarer ones mostly memorise single papers.
 */
const MIN_COUNT = 2;
function featureIndex(examples: readonly Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { sentences } of examples)
    for (const { features } of sentences)
      for (const word of features) for (const f of word) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= MIN_COUNT) index.set(f, index.size);
  return index;
}

/** A model trained on these examples, stored as tagger.json keeps it. */
function trainModel(
  examples: readonly Example[],
  trainedOn: Record<string, unknown> = {},
): StoredModel {
  const index = featureIndex(examples);
  const sequences = examples.flatMap(({ sentences, labels }) =>
    sentences.map((s, i) => ({
      features: s.features.map((word) => word.flatMap((f) => index.get(f) ?? [])),
      breaks: s.breaks,
      labels: labels[i] as number[],
    })),
  );
  const weights = train(sequences, index.size, { epochs: EPOCHS, seed: SEED });
  return storedModel([...index.keys()], weights, trainedOn);
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
  if (process.env.FIT) {
    const tagger = taggerFromModel(trainModel(examples));
    examples.forEach((e, i) => {
      analyzed[i] = analyzeEvidence(e.paper, e.evidence, e.sentences, tagger);
    });
    folds = 0;
  }
  for (let k = 0; k < folds; k++) {
    const trainSet = examples.filter((_, i) => fold[i] !== k);
    const started = Date.now();
    const tagger = taggerFromModel(trainModel(trainSet));
    if (process.env.BIAS) tagger.weights.labelBias = JSON.parse(process.env.BIAS);
    examples.forEach((e, i) => {
      if (fold[i] === k) analyzed[i] = analyzeEvidence(e.paper, e.evidence, e.sentences, tagger);
    });
    console.error(
      `fold ${k + 1}/${folds}: trained on ${trainSet.length} papers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  for (const file of TRAINING_FILES) {
    const mine = examples.flatMap((e, i) =>
      e.file === file ? [{ e, a: analyzed[i] as AnalyzedPaper }] : [],
    );
    const extraction = canonicalize(mine.map(({ a }) => a));
    const report = evaluate(
      mine.map(({ e }) => e.gold),
      mine.map(({ e }) => e.paper.id),
      extraction,
    );
    console.log(`\n${file}: ${folds}-fold cross-validation, ${report.papers} papers`);
    console.log("type         precision  recall  F1");
    for (const type of ENTITY_TYPES) {
      const s = report.byType[type];
      console.log(
        `${type.padEnd(12)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(7)} ${pct(s.f1)}`,
      );
    }
    if (args.errors) printErrors(report);
    console.log(
      `${"micro".padEnd(12)} ${pct(report.micro.precision).padEnd(10)} ${pct(report.micro.recall).padEnd(7)} ${pct(report.micro.f1)}`,
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
  const model = trainModel(examples, {
    files: TRAINING_FILES.map((file) => `../shared/gold/${file}`),
    papers: examples.length,
    epochs: EPOCHS,
    seed: SEED,
  });
  writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
  console.error(`wrote ${MODEL_PATH}: ${model.features.length} features`);
}
