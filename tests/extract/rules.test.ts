import { describe, expect, it } from "vitest";
import { longFormLength, spellsOutShortForm } from "../../src/extract/rules/acronyms.js";
import { numberedVariants } from "../../src/extract/rules/datasets.js";
import { extract, found, mentionsOf } from "./helpers.js";

const T = "A Study"; // a title that names nothing, for rules that read the abstract

describe("acronym definitions", () => {
  it("finds the long form by Schwartz & Hearst's letter walk", () => {
    expect(longFormLength("IRM", ["We", "introduce", "Invariant", "Risk", "Minimization"])).toBe(3);
    expect(
      longFormLength("EGNNs", ["called", "E(n)-Equivariant", "Graph", "Neural", "Networks"]),
    ).toBe(4);
    expect(longFormLength("XYZ", ["nothing", "matches", "here"])).toBe(0);
  });

  it("reads a digit in a short form as the word it stands for", () => {
    expect(longFormLength("T2I", ["study", "Text-to-Image"])).toBe(1);
    expect(longFormLength("E2E", ["fully", "end-to-end"])).toBe(1);
    expect(longFormLength("AI4Science", ["AI", "for", "Science"])).toBe(3);
    // Without the digit, "to" gives its letter: text-to-speech is TTS.
    expect(longFormLength("TTS", ["Text-to-Speech"])).toBe(1);
  });

  it("takes words in front of a name for a short form's spelling only where they spell all of it", () => {
    expect(spellsOutShortForm("T2I", ["Text-to-Image"])).toBe(true);
    expect(spellsOutShortForm("MOT", ["multi-object", "tracking"])).toBe(true);
    expect(spellsOutShortForm("KG", ["knowledge"])).toBe(false);
    expect(spellsOutShortForm("LLMs", ["Language", "Models"])).toBe(false);
  });

  it("links long and short form as one proposed method in a proposal sentence", () => {
    const x = extract([
      T,
      "We introduce Invariant Risk Minimization (IRM), a learning paradigm to estimate invariant correlations.",
    ]);
    const irm = mentionsOf(x).filter((m) => m.entityId === "method:invariant-risk-minimization");
    expect(irm.map((m) => m.text)).toEqual(["Invariant Risk Minimization", "IRM"]);
    expect(irm.every((m) => m.role === "proposed")).toBe(true);
  });

  it("types a definition by its head noun outside proposals", () => {
    const x = extract([
      T,
      "Results on multiview clustering (MVC) are reported for existing methods.",
    ]);
    expect(found(x, "task")).toContain("multiview clustering");
  });
});

describe("titles", () => {
  it("'Name: subtitle' proposes Name", () => {
    const x = extract([
      "ColorMNet: A Memory-based Deep Spatial-Temporal Feature Propagation Network for Video Colorization",
    ]);
    const name = mentionsOf(x).find((m) => m.text === "ColorMNet");
    expect(name).toMatchObject({ type: "method", role: "proposed" });
    expect(found(x, "task")).toContain("Video Colorization");
  });

  it("'Name — subtitle' proposes Name as 'Name: subtitle' does, and no name runs across a dash", () => {
    // arXiv titles and abstracts as listed (their LaTeX "--" read as a dash at ingest): the
    // 10,000-paper map had "CASE -- Condition-Aware Sentence Embeddings", "Subasa -- Adapting
    // Language Models" and "Fixed-Sum Discrete Diffusion--the" as names.
    const x = extract(
      ["CASE — Condition-Aware Sentence Embeddings", "We study sentence embeddings."],
      [
        "Subasa — Adapting Language Models for Low-resourced Offensive Language Detection",
        "We propose Fixed-Sum Discrete Diffusion—the first framework for summation constraints.",
      ],
    );
    const named = (paper: number) => mentionsOf(x, paper).map((m) => [m.text, m.role ?? m.type]);
    expect(named(0)).toContainEqual(["CASE", "proposed"]);
    expect(named(0)).toContainEqual(["Condition-Aware Sentence Embeddings", "proposed"]);
    expect(named(1)).toContainEqual(["Subasa", "proposed"]);
    expect(named(1)).toContainEqual(["Fixed-Sum Discrete Diffusion", "proposed"]);
    const texts = [...mentionsOf(x, 0), ...mentionsOf(x, 1)].map((m) => m.text);
    expect(texts.filter((text) => /[—–]/.test(text))).toEqual([]);
  });

  it("a subtitle headed by 'benchmark' makes Name a dataset", () => {
    const x = extract([
      "SoftZoo: A Soft Robot Co-design Benchmark For Locomotion In Diverse Environments",
    ]);
    expect(found(x, "dataset")).toEqual(["SoftZoo"]);
  });

  it("'X for Y' proposes X for the task Y; 'X via Y' proposes Y", () => {
    const x = extract(
      ["Wasserstein Dependency Measure for Representation Learning"],
      ["Automatic Data Augmentation via Invariance-Constrained Learning"],
    );
    expect(mentionsOf(x, 0).find((m) => m.text === "Wasserstein Dependency Measure")).toMatchObject(
      { type: "method", role: "proposed" },
    );
    expect(found(x, "task", 0)).toContain("Representation Learning");
    expect(
      mentionsOf(x, 1).find((m) => m.text === "Invariance-Constrained Learning"),
    ).toMatchObject({ type: "method", role: "proposed" });
  });

  it("a phrase before the colon is no name", () => {
    const x = extract([
      "Reprogramming under constraints: Revisiting efficient and reliable transferability of lottery tickets",
    ]);
    expect(mentionsOf(x).some((m) => m.text.startsWith("Reprogramming"))).toBe(false);
  });
});

describe("proposals", () => {
  it("the object of 'we present' is the proposed method", () => {
    const x = extract([
      T,
      "In this paper, we present BoostDream, a highly efficient plug-and-play 3D refining method.",
    ]);
    expect(mentionsOf(x).find((m) => m.text === "BoostDream")).toMatchObject({
      type: "method",
      role: "proposed",
    });
  });

  it("past a vague object, the name that follows", () => {
    const x = extract([
      T,
      "To this end, we propose a novel framework, dubbed ShiftAddViT, for efficient inference.",
    ]);
    expect(mentionsOf(x).find((m) => m.text === "ShiftAddViT")).toMatchObject({
      type: "method",
      role: "proposed",
    });
    expect(found(x, "method")).not.toContain("novel framework");
  });

  it("'by proposing' counts as proposing", () => {
    const x = extract([
      T,
      "We address this problem by proposing a memory-based feature propagation module.",
    ]);
    expect(
      mentionsOf(x).find((m) => m.text === "memory-based feature propagation module"),
    ).toMatchObject({ role: "proposed" });
  });
});

describe("lexicons", () => {
  it("finds known datasets and methods, longest form first", () => {
    const x = extract([
      T,
      "We evaluate on CIFAR-10 and ModelNet40 with graph neural networks and supervised contrastive learning.",
    ]);
    expect(found(x, "dataset")).toEqual(["CIFAR-10", "ModelNet40"]);
    expect(found(x, "method")).toEqual([
      "graph neural networks",
      "supervised contrastive learning",
    ]);
  });

  it("short capitalised forms count only as written", () => {
    const x = extract([
      T,
      "We train with Adam. We adam the loss. The COCO results; coco is a word.",
    ]);
    expect(found(x, "method")).toEqual(["Adam"]);
    expect(found(x, "dataset")).toEqual(["COCO"]);
  });
});

describe("sentences", () => {
  it("a mention's sentence is whole, opening bracket and closing stop included", () => {
    const x = extract([
      T,
      "Two issues remain. (ii) Residual networks rely on batch normalization in hyperbolic space. Done.",
    ]);
    const bn = mentionsOf(x).find((m) => m.text === "batch normalization");
    expect(bn?.sentence).toBe(
      "(ii) Residual networks rely on batch normalization in hyperbolic space.",
    );
  });
});

describe("datasets", () => {
  it("names listed where the paper evaluates are datasets", () => {
    const x = extract([
      T,
      "Extensive experiments on PRW and CUHK-SYSU show the effectiveness of our method.",
    ]);
    expect(found(x, "dataset")).toEqual(["PRW", "CUHK-SYSU"]);
  });

  it("CIFAR-10/100 is two datasets", () => {
    expect(numberedVariants("CIFAR-10/100")).toEqual(["CIFAR-10", "CIFAR-100"]);
    expect(numberedVariants("ModelNet40")).toEqual(["ModelNet40"]);
  });

  it("capitalised words before 'dataset' name one", () => {
    const x = extract([
      T,
      "We validate the approach using the Sloan Digital Sky Survey dataset of galaxies.",
    ]);
    expect(found(x, "dataset").some((d) => d.startsWith("Sloan Digital Sky Survey"))).toBe(true);
  });

  it("common acronyms are not datasets", () => {
    const x = extract([T, "Experiments on RGB images and SOTA results on GPU."]);
    expect(found(x, "dataset")).toEqual([]);
  });
});

describe("head nouns", () => {
  it("a phrase headed by a task noun is a task, by a method noun a method", () => {
    const x = extract([
      T,
      "We aim to tackle the problem of point-based interactive segmentation with a neural projection layer.",
    ]);
    expect(found(x, "task")).toContain("point-based interactive segmentation");
    expect(found(x, "method")).toContain("neural projection layer");
  });

  it("vague phrases and families of prior work never become entities", () => {
    const x = extract([
      T,
      "Our approach beats the model. Extensive experiments show that existing methods and deep networks fail, unlike our novel framework.",
    ]);
    expect(found(x, "method")).toEqual([]);
    expect(found(x, "task")).toEqual([]);
  });
});

describe("coined names", () => {
  it("CamelCase names are methods; variants of known models and datasets keep their kind", () => {
    const x = extract([
      T,
      "Compared with EfficientNet, HybridGNet with a ViT-B/16 backbone does well on CelebA-HQ.",
    ]);
    expect(found(x, "method")).toEqual(["EfficientNet", "HybridGNet", "ViT-B/16"]);
    expect(found(x, "dataset")).toEqual(["CelebA-HQ"]);
  });
});

describe("invariances", () => {
  const kinds = (abstract: string) =>
    mentionsOf(extract([T, abstract]))
      .filter((m) => m.type === "invariance")
      .map((m) => `${m.invariance?.kind}/${m.invariance?.relation}`);

  it("reads the kind from a compound, the words before, or the words after", () => {
    expect(kinds("We learn rotation-invariant descriptors.")).toEqual(["rotation/invariant"]);
    expect(kinds("Layers equivariant to the orthogonal group, O(n), are characterised.")).toContain(
      "group/equivariant",
    );
    expect(kinds("A scale invariance prior helps.")).toEqual(["scale/invariant"]);
    expect(kinds("Models are not invariant to viewpoint changes.")).toEqual([
      "viewpoint/invariant",
    ]);
    expect(kinds("We build SE(3)-equivariant networks.")).toEqual(["euclidean/equivariant"]);
    expect(kinds("The layers respect the permutation symmetry of weights.")).toEqual([
      "permutation/invariant",
    ]);
  });

  it("a bare 'invariant' takes the kind of the abstract's topic, else 'other'", () => {
    expect(kinds("For domain generalization, we learn invariant features.")).toEqual([
      "domain/invariant",
    ]);
    expect(kinds("The learned features are invariant.")).toEqual(["other/invariant"]);
    expect(kinds("Features are invariant. They are rotation-invariant too.")).toEqual([
      "rotation/invariant",
    ]);
  });

  it("group names count only in papers about invariance", () => {
    expect(kinds("We optimise over SO(3) with a new solver.")).toEqual([]);
  });
});
