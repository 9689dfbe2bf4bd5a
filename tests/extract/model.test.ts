import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTRACTOR_FINGERPRINT, extractorFingerprint } from "../../src/extract/cache.js";
import { goldLabels } from "../../src/extract/model/align.js";
import { trainCrf } from "../../src/extract/model/crf.js";
import { featureStrings, paperFeatures } from "../../src/extract/model/features.js";
import {
  INVARIANCE_MODEL_HASH,
  shippedInvarianceClassifier,
} from "../../src/extract/model/invariance.js";
import { decode, LABELS, train } from "../../src/extract/model/perceptron.js";
import {
  historyFeatures,
  NO_LABEL,
  POS_HASH,
  type PosWord,
  posLabel,
  type StoredPosModel,
  shippedPosTagger,
  staticFeatures,
} from "../../src/extract/model/pos.js";
import { shippedTagger, TAGGER_HASH } from "../../src/extract/model/tagger.js";
import { analyze } from "../../src/extract/nlp.js";
import { paperEvidence } from "../../src/extract/paper.js";
import { spellsShortForm } from "../../src/extract/rules/acronyms.js";
import { ingestPaths } from "../../src/ingest/index.js";
import { CORPUS } from "../helpers/cli.js";
import { extract, mentionsOf, paper } from "./helpers.js";

const MODELS = join(import.meta.dirname, "..", "..", "src", "extract", "model");

/** The short hash of a model file's content as read from disk. */
function hashOf(file: string): string {
  return createHash("sha1")
    .update(readFileSync(join(MODELS, file), "utf8"))
    .digest("hex")
    .slice(0, 12);
}

/** A paper's mentions as "type:text" strings. */
function mentions(title: string, abstract: string): string[] {
  return mentionsOf(extract([title, abstract])).map((m) => `${m.type}:${m.text}`);
}

/**
 * The committed part-of-speech model read the slow, plain way: every feature spelled out and
 * looked up by name, as training scores them.
 */
function referencePosTags(words: readonly PosWord[]): string[] {
  const stored = JSON.parse(readFileSync(join(MODELS, "pos.json"), "utf8")) as StoredPosModel;
  const weights = new Map<string, Map<number, number>>();
  let read = 0;
  for (const feature of stored.features.split("\n")) {
    const row = new Map<number, number>();
    const count = stored.weights[read++] as number;
    for (let k = 0; k < count; k++) {
      const label = stored.weights[read++] as number;
      row.set(label, (stored.weights[read++] as number) / 1000);
    }
    weights.set(feature, row);
  }
  const labels: string[] = [];
  words.forEach((word, i) => {
    const features = [
      ...staticFeatures(words, i),
      ...historyFeatures(word.lower, labels[i - 1] ?? NO_LABEL, labels[i - 2] ?? NO_LABEL),
    ];
    const scores = stored.labels.map((_, l) =>
      features.reduce((sum, feature) => sum + (weights.get(feature)?.get(l) ?? 0), 0),
    );
    labels.push(stored.labels[scores.indexOf(Math.max(...scores))] as string);
  });
  return labels;
}

describe("the committed part-of-speech tagger", () => {
  const sentence = (text: string) => analyze(text).flatMap((s) => s.words);

  it("tags the words of a sentence as compromise, its teacher, does", () => {
    const words = sentence(
      "We propose a novel contrastive learning framework that clearly outperforms the methods of 2023.",
    );
    const tags = Object.fromEntries(words.map((w) => [w.lower, [...w.tags].sort().join("+")]));
    expect(tags).toMatchObject({
      we: "Noun+Pronoun",
      propose: "Infinitive+Verb",
      a: "Determiner",
      novel: "Adjective",
      learning: "Noun",
      framework: "Noun",
      that: "Determiner",
      clearly: "Adverb",
      outperforms: "Verb",
      the: "Determiner",
      methods: "Noun+Plural",
      of: "Preposition",
      "2023": "Value",
    });
  });

  it("gives the tags of its features spelled out and looked up one by one, as trained", () => {
    const text =
      "GraphMAE: Self-Supervised Masked Graph Autoencoders. Experiments on Cora (a citation graph) show that GNNs, e.g. GCN-based ones, aren't robust; we fix this.";
    for (const words of analyze(text).map((s) => s.words)) {
      const fast = shippedPosTagger()
        .tag(words)
        .map((tags) => posLabel(tags));
      expect(fast).toEqual(referencePosTags(words));
    }
  });
});

describe("the committed tagger", () => {
  it("loads, and is the model the extractor's fingerprint names", () => {
    const stored = JSON.parse(readFileSync(join(MODELS, "tagger.json"), "utf8"));
    expect(stored.format).toBe("papergraph-tagger/1");
    expect(shippedTagger().index.size).toBe(stored.features.length);
    expect(shippedInvarianceClassifier().weights.size).toBeGreaterThan(0);
    expect([POS_HASH, TAGGER_HASH, INVARIANCE_MODEL_HASH]).toEqual([
      hashOf("pos.json"),
      hashOf("tagger.json"),
      hashOf("invariance.json"),
    ]);
    const onDisk = hashOf("pos.json") + hashOf("tagger.json") + hashOf("invariance.json");
    expect(EXTRACTOR_FINGERPRINT).toBe(extractorFingerprint(onDisk));
    expect(extractorFingerprint(`${hashOf("tagger.json")}another`)).not.toBe(EXTRACTOR_FINGERPRINT);
  });

  it("finds the methods, datasets and tasks of sentences it was not trained on", () => {
    const graphMae = mentions(
      "GraphMAE: Self-Supervised Masked Graph Autoencoders",
      "We propose GraphMAE, a masked graph autoencoder. Experiments on Cora, CiteSeer and PubMed show gains in node classification over contrastive learning baselines.",
    );
    expect(graphMae).toEqual(
      expect.arrayContaining([
        "method:GraphMAE",
        "dataset:Cora",
        "dataset:CiteSeer",
        "dataset:PubMed",
        "task:node classification",
        "method:contrastive learning",
      ]),
    );
    const lora = mentions(
      "A Study",
      "We fine-tune BERT with low-rank adaptation (LoRA) for sentiment analysis on SST-2 and IMDB.",
    );
    expect(lora).toEqual(
      expect.arrayContaining([
        "method:BERT",
        "method:low-rank adaptation",
        "method:LoRA",
        "task:sentiment analysis",
        "dataset:SST-2",
        "dataset:IMDB",
      ]),
    );
  });

  it("takes no metric for a method, and names 'framework HYPO' HYPO", () => {
    const found = mentions(
      "A Study",
      "Our framework HYPO learns hyperspherical embeddings for out-of-distribution generalization on PACS, improving accuracy and FID.",
    );
    expect(found).toContain("method:HYPO");
    expect(found).toContain("dataset:PACS");
    expect(found.filter((m) => /accuracy|FID|framework/.test(m))).toEqual([]);
  });

  it("leaves out of a name a bracket the name does not open", () => {
    const found = mentions(
      "A Study",
      "Verification often relies on a stronger model (e.g., GPT-4) or an external verifier.",
    );
    expect(found).toContain("method:GPT-4");
    expect(found.filter((m) => /[()]/.test(m))).toEqual([]);
  });

  it("links a long form and the short form its text defines, and no other", () => {
    const x = extract([
      "A Study",
      "We fine-tune BERT with low-rank adaptation (LoRA). LoRA is cheap, unlike BERT.",
    ]);
    const ids = new Map(mentionsOf(x).map((m) => [m.text, m.entityId]));
    expect(ids.get("LoRA")).toBe(ids.get("low-rank adaptation"));
    expect(ids.get("BERT")).not.toBe(ids.get("LoRA"));
  });

  it("links a short form written apart only to a long form whose word starts it spells", () => {
    const spelled: [string, string][] = [
      ["LVLMs", "Large Vision-Language Models"],
      ["NeRF", "Neural Radiance Fields"],
      ["3DGS", "3D Gaussian Splatting"],
      ["BERT", "Bidirectional Encoder Representations from Transformers"],
      ["CLIP", "Contrastive Language-Image Pre-training"],
    ];
    for (const [short, long] of spelled)
      expect(spellsShortForm(short, long), `${short}: ${long}`).toBe(true);
    // Its letters stand in order inside the words, but not at their starts.
    expect(spellsShortForm("CLEAR", "Contrastive Learning")).toBe(false);
    expect(spellsShortForm("GAN", "Graph Attention")).toBe(false);
    const x = extract([
      "CLEAR for event analysis",
      "We study contrastive learning for events. CLEAR outperforms prior work.",
    ]);
    const ids = new Map(mentionsOf(x).map((m) => [m.text, m.entityId]));
    expect(ids.get("CLEAR")).toBeDefined();
    expect(ids.get("CLEAR")).not.toBe(ids.get("contrastive learning"));
  });
});

describe("the feature encoder", () => {
  it("gives the tagger exactly the ids its features spell out, on the shipped corpus", async () => {
    const { papers } = await ingestPaths([CORPUS], { cwd: CORPUS });
    const tagger = shippedTagger();
    let words = 0;
    for (const p of papers.slice(0, 60)) {
      const { fields, rules } = paperEvidence(p);
      for (const sentence of paperFeatures(fields, rules)) {
        const spelled = featureStrings(sentence, tagger.phrases).map((word) =>
          word.flatMap((f) => tagger.index.get(f) ?? []).sort((a, b) => a - b),
        );
        const encoded = tagger.encoder
          .encode(sentence)
          .map((ids) => [...ids].sort((a, b) => a - b));
        expect(encoded).toEqual(spelled);
        words += encoded.length;
      }
    }
    expect(words).toBeGreaterThan(5000);
  });
});

describe("the invariance classifier", () => {
  const kinds = (title: string, abstract: string) =>
    mentionsOf(extract([title, abstract]))
      .filter((m) => m.type === "invariance")
      .map((m) => `${m.invariance?.kind}/${m.invariance?.relation}`);

  it("keeps the kinds a paper targets, with their relation", () => {
    expect(
      kinds(
        "SE(3)-Equivariant Networks for Molecules",
        "We build networks equivariant to rotations and translations in 3D, evaluated on QM9.",
      ),
    ).toContain("euclidean/equivariant");
    expect(
      kinds(
        "Permutation-Invariant Set Encoders",
        "Our set encoder is permutation-invariant by construction.",
      ),
    ).toContain("permutation/invariant");
  });

  it("finds none in a paper that never speaks of invariance or symmetry", () => {
    expect(kinds("Faster Training", "We rotate the learning rate schedule over domains.")).toEqual(
      [],
    );
  });
});

describe("training", () => {
  it("labels every place a gold name or alias is written, the longest name first", () => {
    const { fields, rules } = paperEvidence(
      paper(
        "A Study",
        "Graph neural networks (GNNs) help. We train GNNs for graph classification on MUTAG.",
      ),
    );
    const sentences = paperFeatures(fields, rules);
    const labels = goldLabels(sentences, [
      { type: "method", forms: ["graph neural network", "GNN"] },
      { type: "task", forms: ["graph classification"] },
      { type: "task", forms: ["classification"] },
      { type: "dataset", forms: ["MUTAG"] },
    ]);
    const spans = sentences.flatMap((s, i) =>
      s.sentence.words.flatMap((w, k) => {
        const label = LABELS[(labels[i] as number[])[k] as number] as string;
        return label === "O" ? [] : [`${label}:${w.text}`];
      }),
    );
    expect(spans).toEqual([
      "B-method:Graph",
      "I-method:neural",
      "I-method:networks",
      "B-method:GNNs",
      "B-method:GNNs",
      "B-task:graph",
      "I-task:classification",
      "B-dataset:MUTAG",
    ]);
  });

  it.each([
    [
      "averaged perceptron",
      (s: Parameters<typeof train>[0]) => train(s, 3, { epochs: 5, seed: 7 }),
    ],
    [
      "conditional random field",
      (s: Parameters<typeof train>[0]) => trainCrf(s, 3, { epochs: 20, seed: 7, rate: 0.5 }),
    ],
  ])(
    "the %s learns a toy tagging, the same weights from the same seed, never opening an entity inside",
    (_, learn) => {
      // Feature 0: every word; 1: a capitalised word; 2: a lower-case word.
      const sequence = {
        features: [
          [0, 1],
          [0, 1],
          [0, 2],
          [0, 1],
          [0, 2],
        ],
        breaks: [true, false, false, false, false],
        labels: [1, 2, 0, 1, 0],
      };
      const weights = learn([sequence, sequence]);
      expect(decode(weights, sequence)).toEqual([1, 2, 0, 1, 0]);
      expect(learn([sequence, sequence])).toEqual(weights);
      // Where a bracket breaks the name, the second word can only begin an entity or stay outside.
      const broken = decode(weights, { ...sequence, breaks: [true, true, false, false, false] });
      expect(LABELS[broken[1] as number]?.startsWith("I-")).toBe(false);
    },
  );
});
