/**
 * The part-of-speech tagger the extractor runs (`npm run train:pos`): compromise's full tagger,
 * configured as the extractor used it, tags a seeded sample of the arXiv abstracts in
 * ../shared/arxiv (CC0 metadata), and a greedy averaged perceptron (src/extract/model/pos.ts)
 * learns to give the same tags. Writes src/extract/model/pos.json and prints how often the student
 * agrees with its teacher on abstracts it was not trained on. Seeded: the same data gives the
 * same model, byte for byte.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type nlpType from "compromise";
import { DATASET_HEADS, METHOD_HEADS, TASK_HEADS } from "../src/extract/lexicon.js";
import { shuffle } from "../src/extract/model/perceptron.js";
import {
  historyFeatures,
  NO_LABEL,
  PosTagger,
  type PosWord,
  posLabel,
  type StoredPosModel,
  staticFeatures,
} from "../src/extract/model/pos.js";
import { sentencesOf } from "../src/extract/nlp.js";
import { seededRandom } from "../src/random.js";
import { ARXIV_CORPUS, type ArxivRecord, readArxiv } from "./arxiv.js";

const ROOT = join(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", default: ARXIV_CORPUS },
    papers: { type: "string", default: "6000" },
    held: { type: "string", default: "1000" },
    epochs: { type: "string", default: "5" },
    "min-count": { type: "string", default: "10" },
    "min-weight": { type: "string", default: "0.5" },
    seed: { type: "string", default: "1" },
  },
});
const OUT = join(ROOT, "src", "extract", "model", "pos.json");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/**
 * The teacher: compromise's whole tagger, told what the extractor knows. Head nouns are nouns
 * ("learning", "clustering" and "matching" otherwise read as verbs in "contrastive learning");
 * "invariant" and "equivariant" are adjectives. The chunker and post-tagger are left out, as the
 * extractor always left them.
 */
function teacher(): typeof nlpType {
  const nlp = createRequire(import.meta.url)("compromise") as typeof nlpType;
  nlp.plugin({
    words: Object.fromEntries([
      ...[...TASK_HEADS, ...METHOD_HEADS, ...DATASET_HEADS]
        .filter((w) => !w.includes(" "))
        .map((w) => [w, "Noun"]),
      ["invariant", "Adjective"],
      ["equivariant", "Adjective"],
      ["self-supervised", "Adjective"],
    ]),
  });
  const world = (nlp as unknown as { world(): { hooks: string[] } }).world();
  world.hooks = world.hooks.filter((hook) => hook !== "chunks" && hook !== "postTagger");
  return nlp;
}

/** A seeded sample of the corpus's titles and abstracts: `count` papers, two texts each. */
async function sampleTexts(path: string, count: number, random: () => number): Promise<string[]> {
  const records = await readArxiv(path);
  const order = records.map((_, i) => i);
  shuffle(order, random);
  return order.slice(0, count).flatMap((i) => {
    const { title, abstract } = records[i] as ArxivRecord;
    return [title ?? "", abstract ?? ""];
  });
}

interface Example {
  words: PosWord[];
  labels: string[];
}

const nlp = teacher();
function examplesOf(texts: readonly string[]): Example[] {
  return texts.flatMap((text) =>
    text.trim() === ""
      ? []
      : sentencesOf(nlp(text), text).map(({ words }) => ({
          words,
          labels: words.map((word) => posLabel(word.tags)),
        })),
  );
}

const random = seededRandom(Number(args.seed));
const papers = Number(args.papers);
const held = Number(args.held);
const texts = await sampleTexts(args.corpus as string, papers + held, random);
const training = examplesOf(texts.slice(0, 2 * papers));
const heldOut = examplesOf(texts.slice(2 * papers));
const labels = [...new Set(training.flatMap((e) => e.labels))].sort();
const labelIndex = new Map(labels.map((label, i) => [label, i]));
const L = labels.length;
console.error(
  `${papers} abstracts tagged by compromise: ${training.reduce((n, e) => n + e.words.length, 0)} words, ${L} labels (${elapsed()})`,
);

// Averaged perceptron, one label at a time: weights w and, for the average, u (each update times
// the step it was made at); the average is w − u/c.
const featureIndex = new Map<string, number>();
const featureNames: string[] = [];
const idOf = (feature: string): number => {
  let id = featureIndex.get(feature);
  if (id === undefined) {
    id = featureNames.length;
    featureIndex.set(feature, id);
    featureNames.push(feature);
  }
  return id;
};
// Features seen fewer than min-count times are left out: they teach little and weigh the file.
const spelled = training.map((e) => e.words.map((_, i) => staticFeatures(e.words, i)));
const seen = new Map<string, number>();
for (const sentence of spelled)
  for (const features of sentence)
    for (const feature of features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
const minCount = Number(args["min-count"]);
const statics = spelled.map((sentence) =>
  sentence.map((features) =>
    features.filter((feature) => (seen.get(feature) as number) >= minCount).map(idOf),
  ),
);
const w: (Float64Array | undefined)[] = [];
const u: (Float64Array | undefined)[] = [];
let step = 1;
function update(ids: readonly number[], label: number, by: number): void {
  for (const id of ids) {
    w[id] ??= new Float64Array(L);
    u[id] ??= new Float64Array(L);
    const wr = w[id] as Float64Array;
    const ur = u[id] as Float64Array;
    wr[label] = (wr[label] as number) + by;
    ur[label] = (ur[label] as number) + by * step;
  }
}
const scores = new Float64Array(L);
const order = training.map((_, i) => i);
for (let epoch = 0; epoch < Number(args.epochs); epoch++) {
  shuffle(order, random);
  let wrong = 0;
  let total = 0;
  for (const s of order) {
    const { words, labels: gold } = training[s] as Example;
    let previous = NO_LABEL;
    let beforeThat = NO_LABEL;
    words.forEach((word, i) => {
      const ids = [
        ...((statics[s] as number[][])[i] as number[]),
        ...historyFeatures(word.lower, previous, beforeThat).map(idOf),
      ];
      scores.fill(0);
      for (const id of ids) {
        const row = w[id];
        if (row) for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (row[l] as number);
      }
      let guess = 0;
      for (let l = 1; l < L; l++) if ((scores[l] as number) > (scores[guess] as number)) guess = l;
      const truth = labelIndex.get(gold[i] as string) as number;
      if (guess !== truth) {
        update(ids, truth, 1);
        update(ids, guess, -1);
        wrong++;
      }
      total++;
      step++;
      beforeThat = previous;
      previous = labels[guess] as string;
    });
  }
  console.error(
    `epoch ${epoch + 1}: ${(1 - wrong / total).toFixed(4)} agreement in training (${elapsed()})`,
  );
}

// Averaged weights in thousandths; per feature, its non-zero ones as (label, weight). A feature
// whose weights are all below min-weight changes almost no tag, and is left out.
const minWeight = Number(args["min-weight"]) * 1e3;
const kept: string[] = [];
const weights: number[] = [];
featureNames.forEach((feature, id) => {
  const row = w[id];
  if (!row) return;
  const ur = u[id] as Float64Array;
  const sparse: number[] = [];
  row.forEach((x, l) => {
    const averaged = Math.round((x - (ur[l] as number) / step) * 1e3);
    if (averaged !== 0) sparse.push(l, averaged);
  });
  if (!sparse.some((x, k) => k % 2 === 1 && Math.abs(x) >= minWeight)) return;
  kept.push(feature);
  weights.push(sparse.length / 2, ...sparse);
});

// Agreement with the teacher on abstracts the student never saw.
const model: StoredPosModel = {
  format: "papergraph-pos/1",
  labels,
  trainedOn: {
    corpus: "../shared/arxiv/arxiv-cs-2025-2026.jsonl.gz",
    teacher: "compromise",
    papers,
    epochs: Number(args.epochs),
    seed: Number(args.seed),
  },
  features: kept.join("\n"),
  weights,
};
const student = new PosTagger(model);
let agree = 0;
let words = 0;
for (const example of heldOut) {
  const tags = student.tag(example.words);
  tags.forEach((tag, i) => {
    if (posLabel(tag) === example.labels[i]) agree++;
    words++;
  });
}
const agreement = Math.round((agree / words) * 1e4) / 1e4;
model.trainedOn.heldOutAgreement = agreement;
writeFileSync(OUT, `${JSON.stringify(model)}\n`);
console.log(
  `agreement with compromise on ${held} held-out abstracts (${words} words): ${agreement}; ${kept.length} features → ${OUT} (${elapsed()})`,
);
