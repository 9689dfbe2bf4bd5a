/**
 * Entities a researcher can trust: a name joins an entity only where the text defines it so, and a
 * broader or different thing never becomes one of its names.
 */
import { describe, expect, it } from "vitest";
import { notAnEntity } from "../../src/extract/lexicon.js";
import { namesShortForm } from "../../src/extract/rules/acronyms.js";
import { extract, mentionsOf } from "./helpers.js";

const aliasesOf = (x: ReturnType<typeof extract>, label: string) =>
  x.entities.find((e) => e.name === label)?.aliases ?? [];

describe("short forms", () => {
  it("a bracketed short form joins the name before it only where that name spells it", () => {
    const x = extract([
      "Hyperspectral adapters for transformers",
      "The hyperspectral adapter for the self-attention (HAS) and a graph neural network (GNN) are trained jointly.",
    ]);
    const idOf = (text: string) => mentionsOf(x).find((m) => m.text === text)?.entityId;
    expect(aliasesOf(x, "self-attention")).not.toContain("HAS");
    expect(idOf("GNN")).toBe(idOf("graph neural network"));
  });

  it("capitals in brackets name a tagged phrase only with about a word for each", () => {
    const words = (text: string) => text.split(" ");
    expect(namesShortForm("RORL", words("Reinforcement Learning"))).toBe(false);
    expect(namesShortForm("RORL", words("Reasoning-Oriented Reinforcement Learning"))).toBe(true);
    expect(namesShortForm("HAS", words("self-attention"))).toBe(false);
    expect(namesShortForm("MLP", words("multilayer perceptron"))).toBe(true);
    expect(namesShortForm("LALMs", words("audio language models"))).toBe(true);
    expect(namesShortForm("DMs", words("video diffusion models"))).toBe(false);
    expect(namesShortForm("GAT", words("graph attention network"))).toBe(true);
    expect(namesShortForm("AI", words("Artificial Intelligence tutor teammate"))).toBe(false);
  });

  it("'(M)LLMs' names LLMs, not a name with a stray bracket", () => {
    const x = extract([
      "Data generation",
      "Existing methods leveraged (M)LLMs for data generation with large language models (LLMs).",
    ]);
    expect(mentionsOf(x).map((m) => m.text)).not.toContain("M)LLMs");
    const y = extract([
      "Agents",
      "We build an LLM(-Agent) framework and test large language model agents on web tasks.",
    ]);
    expect(mentionsOf(y).filter((m) => /[([]/.test(m.text) && !/[)\]]/.test(m.text))).toEqual([]);
  });

  it("a name cut after a bracket begins with no dash", () => {
    const x = extract([
      "Hyb-KAN ViT: Hybrid Kolmogorov-Arnold Networks Augmented Vision Transformer",
      "This study addresses the inherent limitations of Multi-Layer Perceptrons (MLPs) in Vision Transformers (ViTs) by introducing Hybrid Kolmogorov-Arnold Network (KAN)-ViT (Hyb-KAN ViT), a novel framework.",
    ]);
    const texts = mentionsOf(x).map((m) => m.text);
    expect(texts).toContain("ViTs");
    expect(texts.filter((t) => /^[-‐‑–—]/.test(t))).toEqual([]);
  });

  it("no name runs across a full stop that lost its space", () => {
    const x = extract([
      "Breaking the Diversity, Quality, and Efficiency Barrier in Distribution Matching Distillation",
      "Diffusion models produce high-quality text-to-image results, but their iterative denoising is computationally expensive.Distribution Matching Distillation (DMD) emerges as a promising path to few-step distillation, but suffers from diversity collapse.",
    ]);
    const texts = mentionsOf(x).map((m) => m.text);
    expect(texts).toContain("Distribution Matching Distillation");
    expect(texts.filter((t) => t.includes("."))).toEqual([]);
    const y = extract([
      "Skew Normal Splatting",
      "This property allows seamless integration into existing Gaussian Splatting rasterization pipelines.Furthermore, to address the strong coupling between scale and rotation, we propose a decoupled parameterization.",
    ]);
    expect(mentionsOf(y).filter((m) => /\.|^Furthermore$/.test(m.text))).toEqual([]);
  });

  it("a resolution after a dataset's name is the setting it ran at, not another dataset", () => {
    // The shipped corpus's "Diffusion Models Beat GANs on Image Synthesis", its sizes as ingest
    // writes them: "ImageNet 256×256" had been a dataset of its own.
    const x = extract([
      "Diffusion Models Beat GANs on Image Synthesis",
      "We achieve an FID of 2.97 on ImageNet 128×128, 4.59 on ImageNet 256×256, and 7.72 on ImageNet 512×512. Finally, we find that classifier guidance combines well with upsampling diffusion models, further improving FID to 3.94 on ImageNet 256×256 and 3.85 on ImageNet 512×512.",
    ]);
    const datasets = mentionsOf(x).filter((m) => m.type === "dataset");
    expect(datasets.map((m) => m.text)).toContain("ImageNet");
    expect(datasets.filter((m) => /\d/.test(m.text))).toEqual([]);
  });

  it("LaTeX left in an abstract names no entity", () => {
    const x = extract([
      "Visual reasoning data",
      "Our model achieves an average +3.4 points improvement over 5 vision-centric benchmarks, including +11.8 points on V$^*$ Bench and on MMBench.",
    ]);
    expect(mentionsOf(x).filter((m) => /[$\\]/.test(m.text))).toEqual([]);
  });
});

describe("broader and narrower tasks", () => {
  it("a paper's shorthand for its narrower task is no alias of it, and a title's narrower task stays its own", () => {
    const x = extract(
      [
        "LiDAR Remote Sensing with Transformers",
        "We study remote sensing of forests from airborne scans with a Transformer.",
      ],
      ["Remote sensing at scale", "Remote sensing of crops from satellite images."],
    );
    expect(aliasesOf(x, "LiDAR Remote Sensing")).not.toContain("remote sensing");
    const remote = x.entities.find((e) => e.name.toLowerCase() === "remote sensing");
    expect(remote?.aliases ?? []).not.toContain("LiDAR Remote Sensing");
  });
});

describe("names that are no entities", () => {
  it("organisations, reported metrics, model sizes, numeric settings and web addresses", () => {
    for (const name of ["NVIDIA", "TER", "MACs", "normalized GIoU", "3B", "7B", "W8A8", "INT8"])
      expect(notAnEntity(name, false), name).toBe(true);
    // Metrics found typed as methods in the 74,722-paper map.
    for (const name of ["BERTScore", "Kernel Inception Distance", "FVD", "CLIP-T", "minADE"])
      expect(notAnEntity(name, false), name).toBe(true);
    expect(notAnEntity("https://github.com/x/y", false)).toBe(true);
    // Bare numbers and a p-value, typed as methods in the 10,000-paper map.
    for (const name of ["2.0", "16", "p<5.1x10^-175"])
      expect(notAnEntity(name, false), name).toBe(true);
    // A metric a paper proposes is its method; names of models and data stay.
    expect(notAnEntity("TER", true)).toBe(false);
    for (const name of ["Llama-3-8B", "GPT-4o", "ImageNet", "W-Net", "BERT", "3D", "(1+1)-EA"])
      expect(notAnEntity(name, false), name).toBe(false);
  });
});
