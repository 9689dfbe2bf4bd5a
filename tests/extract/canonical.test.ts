import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Candidate } from "../../src/extract/candidate.js";
import { canonicalize, canonicalizeLater } from "../../src/extract/canonical.js";
import { entityKey, slug } from "../../src/extract/index.js";
import { type AnalyzedPaper, analyzePaper } from "../../src/extract/paper.js";
import { inMemory } from "../../src/extract/source.js";
import { taskMerges } from "../../src/extract/tasks.js";
import { ingestPaths } from "../../src/ingest/index.js";
import type { EntityType, Extraction, Paper } from "../../src/types.js";
import { CORPUS } from "../helpers/cli.js";
import { entity, extract, mentionsOf, paper } from "./helpers.js";

/**
 * A paper as the tagger might have read it: [field, text, type, acronym?, spelledOut?] for each
 * candidate.
 */
function analyzed(
  of: Paper,
  found: [
    field: Candidate["field"],
    text: string,
    type: EntityType,
    acronym?: string,
    spelledOut?: Candidate["spelledOut"],
  ][],
): AnalyzedPaper {
  const candidates = found.map(([field, text, type, acronym, spelledOut]): Candidate => {
    const start = of[field].indexOf(text);
    const candidate: Candidate = {
      type,
      text,
      field,
      start,
      end: start + text.length,
      sentence: of[field],
      rule: "test",
    };
    if (acronym) candidate.acronym = acronym;
    if (spelledOut) candidate.spelledOut = spelledOut;
    return candidate;
  });
  return { paper: of, candidates };
}

/** A paper that evaluates on a dataset of this name. */
const evaluatesOn = (title: string, name: string) =>
  analyzed(paper(title, `We evaluate on ${name}.`), [["abstract", name, "dataset"]]);

describe("canonical entities", () => {
  it("case, hyphen, space and plural variants share a key", () => {
    expect(entityKey("Graph Neural Networks")).toBe(entityKey("graph-neural network"));
    expect(entityKey("CIFAR-10")).toBe(entityKey("cifar10"));
    expect(entityKey("GNNs")).toBe(entityKey("GNN"));
    expect(entityKey("ViT")).not.toBe(entityKey("ViT-B/16"));
    // A Greek letter is its name, whichever way it is written; a name's star is part of it.
    expect(entityKey("PixArt-α")).toBe(entityKey("PixArt-alpha"));
    expect(entityKey("PixArt-Σ")).toBe(entityKey("PixArt-Sigma"));
    expect(entityKey("PixArt-α")).not.toBe(entityKey("PixArt-Σ"));
    expect(entityKey("V* Bench")).not.toBe(entityKey("VBench"));
    expect(entityKey("V*")).not.toBe(entityKey("V"));
    expect(slug("E(n) equivariant GNNs")).toBe("e-n-equivariant-gnn");
  });

  it("a plural in -sses or of Latin form, and a possessive, share the key of the name they inflect", () => {
    // Each pair was two nodes at 74,722 arXiv papers: "contrastive loss" (95 papers) beside
    // "contrastive losses" (12), "Bird's Eye View" (170) beside "Bird-Eye-View" (3).
    expect(entityKey("contrastive losses")).toBe(entityKey("contrastive loss"));
    expect(entityKey("Markov Decision Processes")).toBe(entityKey("Markov decision process"));
    expect(entityKey("cognitive biases")).toBe(entityKey("Cognitive Bias"));
    expect(entityKey("Gram matrices")).toBe(entityKey("Gram matrix"));
    expect(entityKey("causal mediation analyses")).toBe(entityKey("causal mediation analysis"));
    expect(entityKey("Bird's Eye View")).toBe(entityKey("Bird-Eye-View"));
    expect(entityKey("Alzheimer’s Disease")).toBe(entityKey("Alzheimers disease"));
    // Written as one word too: "LogitLens" is the Logit Lens.
    expect(entityKey("LogitLens")).toBe(entityKey("Logit Lens"));
    expect(entityKey("TimeSeries")).toBe(entityKey("time series"));
    // A word in -ics is no plural of the adjective: dynamics modeling is not dynamic modeling.
    expect(entityKey("dynamics modeling")).not.toBe(entityKey("dynamic modeling"));
    // Ids read as the words: no "attribution-bia" or "time-sery".
    expect(slug("Attribution Bias")).toBe("attribution-bias");
    expect(slug("time series forecasting")).toBe("time-series-forecasting");
  });

  it("'graph neural network' and 'GNN' are one entity with a stable id", () => {
    const x = extract(
      ["A Study", "Graph neural networks (GNNs) are popular."],
      ["Another Study", "We train GNNs and a graph-neural network."],
    );
    const gnn = entity(x, "method:graph-neural-network");
    expect(gnn?.name).toBe("graph neural network");
    expect(gnn?.aliases).toEqual(
      expect.arrayContaining(["GNNs", "Graph neural networks", "graph-neural network"]),
    );
    expect(gnn?.papers).toHaveLength(2);
    expect(
      mentionsOf(x, 1)
        .filter((m) => m.type === "method")
        .map((m) => m.entityId),
    ).toEqual(["method:graph-neural-network", "method:graph-neural-network"]);
  });

  it("an acronym defined in one paper resolves in another", () => {
    const x = extract(
      ["A Study", "We propose Frequency Flexible Aggregation (FFAG), a new operator."],
      ["Another Study", "Unlike FFAG, our operator is cheap."],
    );
    const ffag = mentionsOf(x, 1).find((m) => m.text === "FFAG");
    expect(ffag).toMatchObject({
      type: "method",
      entityId: "method:frequency-flexible-aggregation",
    });
    expect(entity(x, "method:frequency-flexible-aggregation")?.papers).toHaveLength(2);
  });

  it("a paper's own definition of an acronym wins over the lexicon's", () => {
    const x = extract([
      "A Study",
      "We propose Self-similarity driven Scale-invariant Learning (SSL) for person search.",
    ]);
    const ssl = mentionsOf(x).find((m) => m.text === "SSL");
    expect(ssl?.entityId).toBe("method:self-similarity-driven-scale-invariant-learning");
  });

  it("keeps ViT and ViT-B/16 as entities of their own", () => {
    const text = "We fine-tune a ViT and compare a ViT-B/16 model with a ResNet-50.";
    const x = canonicalize([
      analyzed(paper("A Study", text), [
        ["abstract", "ViT", "method"],
        ["abstract", "ViT-B/16", "method"],
        ["abstract", "ResNet-50", "method"],
      ]),
    ]);
    expect(x.entities.map((e) => e.id)).toEqual([
      "method:resnet-50",
      "method:vision-transformer",
      "method:vit-b-16",
    ]);
  });

  it("in one paper, joins a one-off narrower task form to the broader, a broader to a task of its own", () => {
    const own =
      (...keys: string[]) =>
      (key: string) =>
        keys.includes(key);
    const texts = new Map([
      ["efficientmultiviewclustering", "Efficient Multiview Clustering"],
      ["multiviewclustering", "multiview clustering"],
      ["clustering", "clustering"],
    ]);
    // "multiview clustering" is a task of its own; "Efficient Multiview Clustering" is this paper's.
    expect(taskMerges(texts, own("multiviewclustering", "clustering"))).toEqual(
      new Map([
        ["efficientmultiviewclustering", "multiviewclustering"],
        ["clustering", "multiviewclustering"],
      ]),
    );
    // A narrower task stays one, however few papers name it, and the paper's broader form is its
    // shorthand; words of manner join the broader task; a clause joins nothing.
    const title = new Map([
      ["lidarremotesensing", "LiDAR Remote Sensing"],
      ["remotesensing", "remote sensing"],
      ["fastimagedeblurring", "fast image deblurring"],
      ["imagedeblurring", "image deblurring"],
      ["movingobjectdetectioninremotesensing", "Moving Object Detection in Remote Sensing"],
    ]);
    expect(taskMerges(title, own("remotesensing", "imagedeblurring"))).toEqual(
      new Map([
        ["remotesensing", "lidarremotesensing"],
        ["fastimagedeblurring", "imagedeblurring"],
      ]),
    );
    // A word of the fluff list that names a kind of task is no word of manner: critical questions
    // are an argumentation task, and the paper's "question answering" is short for it.
    const kind = new Map([
      ["criticalquestionanswering", "Critical Question Answering"],
      ["questionanswering", "question answering"],
    ]);
    expect(taskMerges(kind, own("questionanswering"))).toEqual(
      new Map([["questionanswering", "criticalquestionanswering"]]),
    );
    // By what means a task is done is no narrower task; what it is done on is one.
    const means = new Map([
      ["aibased3dreconstruction", "AI-based 3D Reconstruction"],
      ["3dreconstruction", "3D reconstruction"],
      ["eventbasedimagedeblurring", "event-based image deblurring"],
      ["imagedeblurring", "image deblurring"],
    ]);
    expect(taskMerges(means, own("3dreconstruction", "imagedeblurring"))).toEqual(
      new Map([
        ["aibased3dreconstruction", "3dreconstruction"],
        ["imagedeblurring", "eventbasedimagedeblurring"],
      ]),
    );
    // Two narrower tasks of their own leave the broader one its own.
    const siblings = new Map([
      ["2dposeestimation", "2D pose estimation"],
      ["3dhumanposeestimation", "3D human pose estimation"],
      ["poseestimation", "pose estimation"],
    ]);
    const all = () => true;
    expect(taskMerges(siblings, all)).toEqual(new Map());
    const x = canonicalize([
      analyzed(
        paper("Sketch Colorization at Scale", "Reference-based sketch colorization is hard."),
        [
          ["title", "Sketch Colorization", "task"],
          ["abstract", "Reference-based sketch colorization", "task"],
        ],
      ),
      analyzed(paper("Another Study", "We study reference-based sketch colorization."), [
        ["abstract", "reference-based sketch colorization", "task"],
      ]),
      analyzed(paper("Sketches", "Efficient sketch colorization of manga; sketch colorization."), [
        ["abstract", "Efficient sketch colorization", "task"],
        ["abstract", "sketch colorization", "task"],
      ]),
    ]);
    const tasks = (i: number) => mentionsOf(x, i).map((m) => m.entityId);
    const narrow = "task:reference-based-sketch-colorization";
    // Two papers name reference-based sketch colorization: the first's "Sketch Colorization" is
    // its shorthand, and no alias of the node; the third's one-off wording joins sketch colorization.
    expect(tasks(0)).toEqual([narrow, narrow]);
    expect(tasks(1)).toEqual([narrow]);
    expect(tasks(2)).toEqual(["task:sketch-colorization", "task:sketch-colorization"]);
    expect(x.entities.find((e) => e.id === narrow)?.aliases).toEqual([
      "reference-based sketch colorization",
    ]);
    expect(x.entities.find((e) => e.id === "task:sketch-colorization")?.aliases).toEqual([
      "Efficient sketch colorization",
    ]);
  });

  it("across papers, joins a one-off task form that adds only words of manner or means to a task of its own", () => {
    const restores = (title: string, task: string) =>
      analyzed(paper(title, `We study ${task}.`), [["abstract", task, "task"]]);
    const x = canonicalize([
      restores("Restoring Images", "image restoration"),
      restores("Restoring More Images", "image restoration"),
      restores("A Paper of Its Own", "adaptive image restoration"),
      restores("Stars", "blind astronomical image restoration"),
      restores("By Deep Learning", "deep learning-based image restoration"),
      restores("From Events", "event-based image restoration"),
    ]);
    const tasks = (i: number) => mentionsOf(x, i).map((m) => m.entityId);
    // Its paper never writes "image restoration" bare, yet "adaptive" says how, not what.
    expect(tasks(2)).toEqual(["task:image-restoration"]);
    // Nor does "deep learning-based", which says by what means.
    expect(tasks(4)).toEqual(["task:image-restoration"]);
    expect(x.entities.find((e) => e.id === "task:image-restoration")?.aliases).toEqual([
      "adaptive image restoration",
      "deep learning-based image restoration",
    ]);
    // "Blind astronomical" names a narrower task, however few papers name it, and so does
    // "event-based", which says what the images are made from.
    expect(tasks(3)).toEqual(["task:blind-astronomical-image-restoration"]);
    expect(tasks(5)).toEqual(["task:event-based-image-restoration"]);
  });

  it("a paper's shorthand for its narrower task, with words of manner, is no alias of it", () => {
    const reasons = (title: string, tasks: string[]) =>
      analyzed(
        paper(title, `We study ${tasks.join(" and ")}.`),
        tasks.map((task): ["abstract", string, EntityType] => ["abstract", task, "task"]),
      );
    const x = canonicalize([
      reasons("One", ["multimodal reasoning"]),
      reasons("Two", ["multimodal reasoning"]),
      reasons("Three", ["multimodal reasoning", "reasoning", "generalizable reasoning"]),
    ]);
    const multimodal = "task:multimodal-reasoning";
    // In the third paper both shorter forms stand for its multimodal reasoning…
    expect(mentionsOf(x, 2).map((m) => m.entityId)).toEqual([multimodal, multimodal, multimodal]);
    // …but neither is a name of it.
    expect(x.entities.find((e) => e.id === multimodal)?.aliases).toEqual([]);
  });

  it("the name cased or hyphenated otherwise is its alias, though it begins with a word of manner", () => {
    const uses = (title: string, name: string) =>
      analyzed(paper(title, `We fine-tune with ${name}.`), [["abstract", name, "method"]]);
    const x = canonicalize([
      uses("One", "low-rank adaptation"),
      uses("Two", "low-rank adaptation"),
      uses("Three", "Low Rank Adaptation"),
      uses("Four", "Low-rank Adaptation"),
    ]);
    // "Low" is a word of manner ("low-resource"), yet these spell the name, not a broader class:
    // they answer search for the node and show which forms it merged.
    const lora = x.entities.find((e) => e.name === "low-rank adaptation");
    expect(lora?.aliases).toEqual(["Low Rank Adaptation", "Low-rank Adaptation"]);
  });

  it("a short form two papers define differently names neither in a third that only uses it", () => {
    const defines = (title: string, abstract: string, long: string) =>
      analyzed(paper(title, abstract), [
        ["abstract", long, "method", "CLEAR"],
        ["abstract", "CLEAR", "method", "CLEAR"],
      ]);
    const x = canonicalize([
      defines(
        "One",
        "We propose Contrastive Learning of Alignments (CLEAR).",
        "Contrastive Learning of Alignments",
      ),
      defines(
        "Two",
        "We use Certified Latent Error Analysis Rules (CLEAR).",
        "Certified Latent Error Analysis Rules",
      ),
      analyzed(paper("Three", "We compare with CLEAR."), [["abstract", "CLEAR", "method"]]),
    ]);
    expect(mentionsOf(x, 0).map((m) => m.entityId)).toEqual([
      "method:contrastive-learning-of-alignment",
      "method:contrastive-learning-of-alignment",
    ]);
    expect(mentionsOf(x, 1)[1]?.entityId).toBe("method:certified-latent-error-analysis-rule");
    expect(mentionsOf(x, 2)[0]?.entityId).toBe("method:clear");
  });

  it("a model's own name written far more often than its long form names it; an initialism or a phrase does not", () => {
    const defining = analyzed(
      paper(
        "Defining",
        "We use Generative Pretrained Transformer 4o (GPT-4o) and large language models (LLMs) as large language model agents.",
      ),
      [
        ["abstract", "Generative Pretrained Transformer 4o", "method", "GPT-4o"],
        ["abstract", "GPT-4o", "method", "GPT-4o"],
        ["abstract", "large language models", "method", "LLMs"],
        ["abstract", "LLMs", "method", "LLMs"],
        ["abstract", "large language model agents", "method"],
      ],
    );
    const using = Array.from({ length: 10 }, (_, i) =>
      analyzed(paper(`Using ${i}`, "We prompt GPT-4o and other LLMs as LLM agents."), [
        ["abstract", "GPT-4o", "method"],
        ["abstract", "LLMs", "method"],
        ["abstract", "LLM agents", "method"],
      ]),
    );
    const x = canonicalize([defining, ...using]);
    const names = x.entities.map((e) => e.name).sort();
    expect(names).toEqual(["GPT-4o", "large language model", "large language model agents"]);
    const proposing = (title: string, abstract: string, inAbstract: boolean) => {
      const found = analyzed(paper(title, abstract), [
        ["title", "GPT-4o", "method"],
        ["abstract", "GPT-4o", "method"],
      ]);
      (found.candidates[0] as Candidate).role = "proposed";
      if (inAbstract) (found.candidates[1] as Candidate).role = "proposed";
      return found;
    };
    const fourO = (y: ReturnType<typeof canonicalize>) =>
      y.entities.map((e) => e.name).filter((name) => /4o/.test(name));
    // A title that opens with the name of what ten papers name is about it, not a model of its own.
    const about = canonicalize([
      defining,
      ...using,
      proposing("GPT-4o: A Study of Its Answers", "GPT-4o answers questions.", false),
    ]);
    expect(fourO(about)).toEqual(["GPT-4o"]);
    expect(mentionsOf(about, 11).map((m) => [m.entityId, m.role])).toEqual([
      ["method:gpt-4o", "used"],
      ["method:gpt-4o", "used"],
    ]);
    // A paper whose abstract proposes its own GPT-4o keeps it apart, and the two never read alike.
    const ours = proposing("GPT-4o: Ours", "We propose GPT-4o, our new model.", true);
    expect(fourO(canonicalize([defining, ...using, ours]))).toEqual([
      "Generative Pretrained Transformer 4o",
      "GPT-4o",
    ]);
    // So does a title's name of what few papers name ("MOSAIC: ..." beside another MOSAIC).
    const rare = canonicalize([
      defining,
      ...using.slice(0, 2),
      proposing("GPT-4o: A Study of Its Answers", "GPT-4o answers questions.", false),
    ]);
    expect(rare.entities.filter((e) => /4o/.test(e.name)).map((e) => e.papers.length)).toEqual([
      3, 1,
    ]);
  });

  it("a name has the type most papers give it; a name read both ways keeps both", () => {
    const naming = (title: string, name: string, type: EntityType) =>
      analyzed(paper(title, `We study ${name}.`), [["abstract", name, type]]);
    const papers = (n: number, name: string, type: EntityType) =>
      Array.from({ length: n }, (_, i) => naming(`${name} ${type} ${i}`, name, type));
    const x = canonicalize([
      ...papers(10, "ImageNet", "dataset"),
      naming("Odd", "ImageNet", "method"),
      ...papers(5, "few-shot learning", "method"),
      ...papers(7, "few-shot learning", "task"),
      ...papers(3, "prompt injection", "task"),
      ...papers(2, "Prompt Injection", "method"),
      ...papers(2, "token pruning", "task"),
      ...papers(2, "token pruning", "method"),
      ...papers(10, "Codex", "method"),
      naming("A benchmark", "CoDEx", "dataset"),
      ...papers(10, "SE", "method"),
      naming("Speech", "SE", "task"),
    ]);
    const ids = x.entities.map((e) => `${e.id} ${e.papers.length}`);
    // Two papers of five are no use of "prompt injection" as a method; as many papers of each
    // type, or five of twelve, are. "CoDEx", written otherwise than the model, is a benchmark of
    // its own; a short form's type tells which of its long forms it is.
    expect(ids).toEqual([
      "dataset:codex 1",
      "dataset:imagenet 11",
      "method:codex 10",
      "method:few-shot-learning 5",
      "method:se 10",
      "method:token-pruning 2",
      "task:few-shot-learning 7",
      "task:prompt-injection 5",
      "task:se 1",
      "task:token-pruning 2",
    ]);
    // The odd paper's mention is of the dataset, with no role a method would have.
    expect(mentionsOf(x, 10).map((m) => [m.entityId, m.type, m.role])).toEqual([
      ["dataset:imagenet", "dataset", undefined],
    ]);
  });

  it("a task form of manner joins no task whose papers all name it a method", () => {
    const naming = (title: string, name: string, type: EntityType) =>
      analyzed(paper(title, `We study ${name}.`), [["abstract", name, type]]);
    const x = canonicalize([
      ...Array.from({ length: 3 }, (_, i) => naming(`Method ${i}`, "transfer learning", "method")),
      naming("Task", "transfer learning", "task"),
      naming("Faster", "Efficient Transfer Learning", "task"),
    ]);
    // "transfer learning" is a method, so "Efficient Transfer Learning" stays the one paper's
    // task: joined to the emptied task, it made a second "transfer learning" node.
    expect(x.entities.map((e) => `${e.id} ${e.papers.length}`)).toEqual([
      "method:transfer-learning 4",
      "task:efficient-transfer-learning 1",
    ]);
  });

  it("a short form read as the majority's long form takes its type", () => {
    const defining = (title: string, type: EntityType) =>
      analyzed(paper(title, "A deep neural network (DNN) is used."), [
        ["abstract", "deep neural network", type, "DNN"],
        ["abstract", "DNN", type, "DNN"],
      ]);
    const x = canonicalize([
      defining("One", "method"),
      defining("Two", "method"),
      defining("Three", "method"),
      analyzed(paper("Four", "The DNN is evaluated."), [["abstract", "DNN", "task"]]),
    ]);
    expect(x.entities.map((e) => `${e.id} ${e.papers.length}`)).toEqual([
      "method:deep-neural-network 4",
    ]);
  });

  it("a short form defined two ways is no alias of a shared entity whose name it does not spell", () => {
    const defines = (title: string, long: string) =>
      analyzed(paper(title, `We study ${long} (LVMs).`), [
        ["abstract", long, "method", "LVMs"],
        ["abstract", "LVMs", "method", "LVMs"],
      ]);
    const x = canonicalize([
      defines("One", "large vision models"),
      defines("Two", "large vision models"),
      defines("Three", "Large Vision-Language Models"),
      analyzed(paper("Four", "We use Large Vision-Language Models."), [
        ["abstract", "Large Vision-Language Models", "method"],
      ]),
    ]);
    const lvlm = "method:large-vision-language-model";
    // The third paper's "LVMs" is still its mention of the model it defined…
    expect(mentionsOf(x, 2).map((m) => m.entityId)).toEqual([lvlm, lvlm]);
    const aliases = (id: string) => x.entities.find((e) => e.id === id)?.aliases;
    // …but two of three definitions say large vision models, so it names no vision-language model.
    expect(aliases(lvlm)).toEqual([]);
    expect(aliases("method:large-vision-model")).toEqual(["LVMs"]);
  });

  it("a form the corpus reads as another entity's name is no alias of this one", () => {
    const defines = (title: string, long: string, short: string) =>
      analyzed(paper(title, `We study ${long} (${short}).`), [
        ["abstract", long, "method", short],
        ["abstract", short, "method", short],
      ]);
    const uses = (title: string, long: string) =>
      analyzed(paper(title, `We use ${long}.`), [["abstract", long, "method"]]);
    const papers = (short: string, narrower: string, broader: string) => [
      defines("One", narrower, short),
      defines("Two", narrower, short),
      defines("Three", narrower, short),
      defines("Four", narrower, short),
      // One paper gives the broader class the narrower one's short form.
      defines("Five", broader, short),
      uses("Six", broader),
    ];
    const aliases = (x: Extraction, id: string) => x.entities.find((e) => e.id === id)?.aliases;
    const llm = "method:large-language-model";
    const multimodal = canonicalize(
      papers("MLLMs", "multimodal large language models", "large language models"),
    );
    // The fifth paper's "MLLMs" is still its mention of what it defined…
    expect(mentionsOf(multimodal, 4).map((m) => m.entityId)).toEqual([llm, llm]);
    // …but search for "MLLMs" finds the multimodal models, not the broader class.
    expect(aliases(multimodal, llm)).toEqual(["large language models"]);
    expect(aliases(multimodal, "method:multimodal-large-language-model")).toEqual(["MLLMs"]);
    // "Large" adds only a word of manner: papers write LVLMs for the vision-language models
    // others write, and an expert reads the two as one class.
    const large = canonicalize(
      papers("LVLMs", "large vision-language models", "vision-language models"),
    );
    expect(aliases(large, "method:vision-language-model")).toEqual([
      "LVLMs",
      "vision-language models",
    ]);
  });

  it("a name written alike by ten times as many papers is theirs, unless its paper spells it out otherwise", () => {
    const writes = (title: string, name: string, spelledOut?: string) =>
      analyzed(paper(title, `We train ${name}.`), [
        [
          "abstract",
          name,
          "method",
          undefined,
          spelledOut ? { short: name.split(" ")[0] as string, long: spelledOut } : undefined,
        ],
      ]);
    const many = (name: string, spelledOut?: string) =>
      Array.from({ length: 10 }, (_, i) => writes(`Paper ${i}`, name, spelledOut));
    const llama = canonicalize([
      ...many("Llama-3"),
      analyzed(paper("Defines", "We use Large Language Model Meta AI (LLAMA)."), [
        ["abstract", "Large Language Model Meta AI", "method", "LLAMA"],
        ["abstract", "LLAMA", "method", "LLAMA"],
      ]),
      writes("Shouts", "LLAMA-3"),
    ]);
    // The corpus spells LLAMA out, so "LLAMA-3" was read as a name of its own, which took the
    // id of the Llama-3 that ten papers write.
    expect(mentionsOf(llama, 11).map((m) => m.entityId)).toEqual(["method:llama-3"]);
    expect(entity(llama, "method:llama-3")).toMatchObject({
      name: "Llama-3",
      aliases: ["LLAMA-3"],
    });
    expect(entity(llama, "method:llama-3")?.papers).toHaveLength(11);
    // A paper's own "text-to-vector (T2V) models" are no text-to-video models.
    const t2v = canonicalize([
      ...many("T2V models", "text-to-video"),
      writes("Vectors", "T2V models", "text-to-vector"),
    ]);
    const [video] = mentionsOf(t2v, 0).map((m) => m.entityId);
    expect(mentionsOf(t2v, 10).map((m) => m.entityId)).not.toEqual([video]);
  });

  it("a coined name is the entity that goes by it as written, whatever its paper spells out inside it", () => {
    const uses = (title: string, name: string) =>
      analyzed(paper(title, `We visualise with ${name}.`), [["abstract", name, "method"]]);
    const spellsCam = (title: string, long: string, name?: string) =>
      analyzed(paper(title, `A ${long} (CAM) and ${name ?? "nothing"} are compared.`), [
        ["abstract", long, "method", "CAM"],
        ...(name ? [["abstract", name, "method"] as [string, string, EntityType]] : []),
      ] as Parameters<typeof analyzed>[1]);
    const x = canonicalize([
      uses("One", "Grad-CAM"),
      uses("Two", "Grad-CAM"),
      spellsCam("Three", "class activation map", "Grad-CAM"),
      spellsCam("Four", "channel attention module"),
      spellsCam("Five", "cross attention module"),
      uses("Six", "learnable CAM"),
      spellsCam("Seven", "class activation map", "learnable CAM"),
    ]);
    // The corpus spells CAM out three ways, so only the third paper reads its Grad-CAM as its
    // class activation map: that had made a node of its own, under the same label.
    expect(entity(x, "method:grad-cam")?.papers).toHaveLength(3);
    expect(x.entities.filter((e) => e.name === "Grad-CAM")).toHaveLength(1);
    // A name of plain words is no coined one: the last paper's learnable class activation map
    // stays its own.
    expect(x.entities.filter((e) => e.name === "learnable CAM")).toHaveLength(2);
  });

  it("spellings of a coined name whose pieces the corpus reads as short forms are one node, named as most write it", () => {
    const defines = (title: string, long: string, short: string) =>
      analyzed(paper(title, `Our ${long} (${short}) helps.`), [
        ["abstract", long, "method", short],
      ]);
    const x = canonicalize([
      evaluatesOn("One", "HICO-DET"),
      evaluatesOn("Two", "HICO-DET"),
      evaluatesOn("Three", "HICO-Det"),
      defines("Four", "hierarchical consistency", "HICO"),
      defines("Five", "hierarchical consistency", "HICO"),
      defines("Six", "detection error tradeoff", "DET"),
      defines("Seven", "detection error tradeoff", "DET"),
    ]);
    // "HICO-DET" read as both short forms spelled out, "HICO-Det" as one: two nodes, where no
    // node goes by the name as written.
    const named = x.entities.filter((e) => e.type === "dataset");
    expect(named.map((e) => [e.name, e.aliases, e.papers.length])).toEqual([
      ["HICO-DET", ["HICO-Det"], 3],
    ]);
  });

  it("a name others write as one coined word is coined however it is cased", () => {
    const defines = (title: string) =>
      analyzed(paper(title, "Our software engineering (SWE) study helps."), [
        ["abstract", "software engineering", "task", "SWE"],
      ]);
    const x = canonicalize([
      evaluatesOn("One", "SWE-bench"),
      evaluatesOn("Two", "SWE-bench"),
      evaluatesOn("Three", "SWEBench"),
      defines("Four"),
      defines("Five"),
    ]);
    // "SWE-bench", its short form spelled out, had been a node beside the "SWEBench" of another.
    const datasets = x.entities.filter((e) => e.type === "dataset");
    expect(datasets.map((e) => [e.name, e.aliases, e.papers.length])).toEqual([
      ["SWE-bench", ["SWEBench"], 3],
    ]);
  });

  it("a name written with and without a space after a capital S is one node", () => {
    const x = canonicalize([
      evaluatesOn("One", "BraTS 2020"),
      evaluatesOn("Two", "BraTS 2020"),
      evaluatesOn("Three", "BraTS2020"),
    ]);
    const datasets = x.entities.filter((e) => e.type === "dataset");
    expect(datasets.map((e) => [e.name, e.aliases, e.papers.length])).toEqual([
      ["BraTS 2020", ["BraTS2020"], 3],
    ]);
  });

  it("of two nodes whose names make one id, the one more papers name takes it", () => {
    const uses = (title: string) =>
      analyzed(paper(title, "We use SAT solvers."), [["abstract", "SAT solvers", "method"]]);
    const spells = (title: string, name: string, type: EntityType, long: string) =>
      analyzed(paper(title, `${long} (SAT) ${name.split(" ")[1]} are ours.`), [
        ["abstract", name, type, undefined, { short: "SAT", long }],
      ]);
    const x = canonicalize([
      uses("One"),
      uses("Two"),
      uses("Three"),
      spells("Scores", "SAT scores", "dataset", "Scholastic Aptitude Test"),
      spells("Own", "SAT solvers", "method", "Boolean satisfiability"),
    ]);
    // The corpus spells SAT out two ways, so the last paper alone reads its SAT solvers as Boolean
    // satisfiability solvers, a node whose key comes first; the three papers' node keeps the id.
    expect(entity(x, "method:sat-solver")?.papers).toHaveLength(3);
    expect(mentionsOf(x, 4).map((m) => m.entityId)).toEqual([
      "method:sat-solver-booleansatisfiabilitysolver",
    ]);
  });

  it("a name in capitals ending in S is no plural of the name without it", () => {
    const uses = (title: string, ...names: string[]) =>
      analyzed(
        paper(title, `We use ${names.join(" and ")}.`),
        names.map((name) => ["abstract", name, "method"] as const),
      );
    const x = canonicalize([
      uses("One", "SMILES"),
      uses("Two", "SMILE"),
      uses("Three", "SMILE"),
      // A short form's plural takes a small s, shouted or not: one entity, where the paper that
      // shouts it writes the entity otherwise too.
      uses("Four", "TXM"),
      uses("Five", "TXMs"),
      uses("Six", "TXM", "TXMS"),
      // CLIPS, a model built on CLIP, is not the lexicon's CLIP.
      uses("Seven", "CLIP"),
      uses("Eight", "CLIPS"),
      // Written alone, "RMS" (a root mean square) is no plural of the reward models (RMs).
      analyzed(paper("Nine", "We train a reward model (RM) and compare reward models (RMs)."), [
        ["abstract", "reward model", "method", "RM"],
        ["abstract", "RM", "method", "RM"],
        ["abstract", "reward models", "method", "RMs"],
        ["abstract", "RMs", "method", "RMs"],
      ]),
      uses("Ten", "RMs"),
      uses("Eleven", "RMS"),
    ]);
    const named = (name: string) => x.entities.find((e) => e.name === name);
    expect(named("SMILES")).toMatchObject({ id: "method:smiles", aliases: [] });
    expect(named("SMILES")?.papers).toHaveLength(1);
    expect(named("SMILE")).toMatchObject({ id: "method:smile", aliases: [] });
    expect(named("SMILE")?.papers).toHaveLength(2);
    const txm = x.entities.find((e) => e.id === "method:txm");
    expect([txm?.name, ...(txm?.aliases ?? [])].sort()).toEqual(["TXM", "TXMS", "TXMs"]);
    expect(mentionsOf(x, 0).map((m) => m.entityId)).toEqual(["method:smiles"]);
    expect(mentionsOf(x, 7).map((m) => m.entityId)).toEqual(["method:clips"]);
    expect(x.entities.find((e) => e.id === "method:clip")?.aliases).not.toContain("CLIPS");
    expect(named("RMS")).toMatchObject({ id: "method:rms", aliases: [] });
    const rewardModel = x.entities.find((e) => e.id === "method:reward-model");
    expect(rewardModel?.aliases).toContain("RMs");
    expect(rewardModel?.aliases).not.toContain("RMS");
  });

  it("a narrower task is not named by the broader form its paper also writes", () => {
    const one = paper(
      "3DGS Watermarking",
      "We study 3DGS watermarking. Watermarking is hard; watermarking fails.",
    );
    const x = canonicalize([
      analyzed(one, [
        ["abstract", "3DGS watermarking", "task"],
        ["abstract", "watermarking", "task"],
        ["abstract", "watermarking", "task"],
      ]),
      analyzed(paper("Two", "We study watermarking."), [["abstract", "watermarking", "task"]]),
      analyzed(paper("Three", "We study watermarking."), [["abstract", "watermarking", "task"]]),
      analyzed(paper("Four", "We render 3D Gaussian Splatting (3DGS)."), [
        ["abstract", "3D Gaussian Splatting", "method", "3DGS"],
        ["abstract", "3DGS", "method", "3DGS"],
      ]),
    ]);
    const names = x.entities
      .filter((e) => e.type === "task")
      .map((e) => `${e.id} ${e.name} [${e.aliases.join(", ")}]`);
    // One node is called watermarking, and it has that name's id.
    expect(names).toEqual([
      "task:3dg-watermarking 3DGS watermarking []",
      "task:watermarking watermarking []",
    ]);
  });

  it("a short form most papers define one way names that entity where it is used undefined", () => {
    const defines = (title: string, long: string, type: EntityType = "method") =>
      analyzed(paper(title, `We use ${long} (GRMs).`), [
        ["abstract", long, type, "GRMs"],
        ["abstract", "GRMs", type, "GRMs"],
      ]);
    const x = canonicalize([
      defines("One", "graph reward models"),
      defines("Two", "Graph Reward Models"),
      defines("Three", "graph reward models"),
      // One paper writes a narrower model, another files it as a task: neither outvotes the rest.
      defines("Four", "sparse graph reward models"),
      defines("Five", "graph reward models", "task"),
      analyzed(paper("Six", "We train GRMs."), [["abstract", "GRMs", "method"]]),
    ]);
    expect(mentionsOf(x, 5)[0]?.entityId).toBe("method:graph-reward-model");
    expect(mentionsOf(x, 3)[0]?.entityId).toBe("method:sparse-graph-reward-model");
  });

  it("a short form a paper spells out as something else names nothing there, not the corpus's entity", () => {
    const defines = (title: string) =>
      analyzed(paper(title, "We fine-tune Stable Diffusion (SD) on sketches."), [
        ["abstract", "Stable Diffusion", "method", "SD"],
      ]);
    const x = canonicalize([
      defines("One"),
      defines("Two"),
      defines("Three"),
      analyzed(paper("Four", "Images from SD look real."), [["abstract", "SD", "method"]]),
      analyzed(paper("Five", "A Standard Definition (SD) map guides the car; SD maps are cheap."), [
        ["abstract", "SD", "method"],
      ]),
      analyzed(paper("Six", "We adapt Stable diffusion (SD) to video."), [
        ["abstract", "SD", "method"],
      ]),
      // Defined inside a longer bracket: the SD of "standard definition map (SD map)".
      analyzed(
        paper("Seven", "A low-cost standard definition map (SD map) helps. SD map priors help."),
        [["abstract", "SD", "method"]],
      ),
    ]);
    const stableDiffusion = "method:stable-diffusion";
    expect(mentionsOf(x, 3)[0]?.entityId).toBe(stableDiffusion);
    // Written out as the entity's own name, the short form still names it.
    expect(mentionsOf(x, 5)[0]?.entityId).toBe(stableDiffusion);
    expect(mentionsOf(x, 4)).toEqual([]);
    expect(mentionsOf(x, 6)).toEqual([]);
    expect(entity(x, stableDiffusion)?.papers).toHaveLength(5);
  });

  it("a short form inside a name is read as its corpus's long form", () => {
    const x = canonicalize([
      analyzed(paper("One", "Large language models (LLMs) are used."), [
        ["abstract", "Large language models", "method", "LLMs"],
      ]),
      analyzed(paper("Two", "Multimodal large language models (MLLMs) see."), [
        ["abstract", "Multimodal large language models", "method", "MLLMs"],
        ["abstract", "MLLMs", "method", "MLLMs"],
      ]),
      analyzed(paper("Three", "Multimodal LLMs (MLLMs) and LLM agents."), [
        ["abstract", "Multimodal LLMs", "method", "MLLMs"],
        ["abstract", "LLM agents", "method"],
      ]),
      analyzed(paper("Four", "We build large language model agents with MLLMs."), [
        ["abstract", "large language model agents", "method"],
        ["abstract", "MLLMs", "method"],
      ]),
      analyzed(paper("Five", "Convolutional neural networks (CNNs) and G-CNNs."), [
        ["abstract", "Convolutional neural networks", "method", "CNNs"],
        ["abstract", "G-CNNs", "method"],
      ]),
      analyzed(paper("Six", "We use group convolutions."), [
        ["abstract", "group convolutions", "method"],
      ]),
    ]);
    // A name the lexicon knows stays its entry, whatever its short form stands for in the corpus.
    const idOf = (i: number, text: string) =>
      mentionsOf(x, i).find((m) => m.text === text)?.entityId;
    expect(idOf(4, "G-CNNs")).toBe("method:group-equivariant-convolutional-network");
    expect(idOf(5, "group convolutions")).toBe("method:group-equivariant-convolutional-network");
    const mllm = entity(x, "method:multimodal-large-language-model");
    expect(mllm?.papers).toHaveLength(3);
    expect(mllm?.aliases).toEqual(expect.arrayContaining(["Multimodal LLMs", "MLLMs"]));
    expect(entity(x, "method:large-language-model-agent")?.papers).toHaveLength(2);
  });

  it("a possessive on a short form inside a name is no word of the name", () => {
    // "SAM's mask decoder" (2 papers) stood beside "SAM mask decoder" at 74,722 arXiv papers.
    const x = canonicalize([
      analyzed(paper("One", "The Segment Anything Model (SAM) segments."), [
        ["abstract", "Segment Anything Model", "method", "SAM"],
      ]),
      analyzed(paper("Two", "We tune SAM's mask decoder."), [
        ["abstract", "SAM's mask decoder", "method"],
      ]),
      analyzed(paper("Three", "We tune the SAM mask decoder."), [
        ["abstract", "SAM mask decoder", "method"],
      ]),
    ]);
    const decoder = mentionsOf(x, 1)[0]?.entityId;
    expect(decoder).toBeDefined();
    expect(mentionsOf(x, 2)[0]?.entityId).toBe(decoder);
  });

  it("'AI' inside a name is artificial intelligence, though no paper defines it so", () => {
    // At 10,000 arXiv papers "Generative AI" (42 papers) stood beside "generative artificial
    // intelligence" (17): no paper there spells AI out.
    const x = canonicalize([
      analyzed(paper("One", "Generative AI writes code."), [
        ["abstract", "Generative AI", "method"],
      ]),
      analyzed(paper("Two", "Generative artificial intelligence writes text."), [
        ["abstract", "Generative artificial intelligence", "method"],
      ]),
      analyzed(paper("Three", "An Artificial Intelligence tutor (AI) helps with generative AI."), [
        ["abstract", "Artificial Intelligence tutor", "method", "AI"],
        ["abstract", "generative AI", "method"],
      ]),
    ]);
    const idOf = (i: number, text: string) =>
      mentionsOf(x, i).find((m) => m.text.toLowerCase() === text)?.entityId;
    // The third paper's definition does not make the others' AI its tutor.
    expect(idOf(0, "generative ai")).toBeDefined();
    expect(idOf(1, "generative artificial intelligence")).toBe(idOf(0, "generative ai"));
  });

  it("a short form spelled out in front of names is read so inside names, and alone names only a lexicon entry those words name", () => {
    const t2i = { short: "T2I", long: "Text-to-Image" };
    const x = canonicalize([
      analyzed(paper("One", "Text-to-Image (T2I) models draw."), [
        ["abstract", "T2I models", "method", undefined, t2i],
      ]),
      analyzed(paper("Two", "Text-to-Image (T2I) diffusion models and T2I models."), [
        ["abstract", "T2I", "task", undefined, t2i],
        ["abstract", "T2I models", "method"],
      ]),
      analyzed(paper("Three", "We study text-to-image models."), [
        ["abstract", "text-to-image models", "method"],
      ]),
      analyzed(paper("Four", "Fast T2I models and T2I."), [
        ["abstract", "T2I models", "method"],
        ["abstract", "T2I", "task"],
      ]),
      analyzed(paper("Five", "Slow T2I."), [["abstract", "T2I", "task"]]),
      analyzed(paper("Six", "Out-of-Distribution (OOD) detection and OOD."), [
        [
          "abstract",
          "OOD detection",
          "task",
          undefined,
          { short: "OOD", long: "Out-of-Distribution" },
        ],
        ["abstract", "OOD", "task"],
      ]),
    ]);
    const idOf = (i: number, text: string) =>
      mentionsOf(x, i).find((m) => m.text === text)?.entityId;
    expect(entity(x, "method:text-to-image-model")?.papers).toHaveLength(4);
    // "T2I" alone is the task the words it stands for name, the lexicon's text-to-image
    // generation, wherever it is written; words the lexicon does not know name no entity alone.
    expect(new Set([idOf(1, "T2I"), idOf(3, "T2I"), idOf(4, "T2I")])).toEqual(
      new Set(["task:text-to-image-generation"]),
    );
    expect(idOf(5, "OOD")).toBe("task:ood");
  });

  it("a short form whose entity definitions disagree is read as most of all its definitions spell it", () => {
    // At 74,722 papers "T2I" is defined as text-to-image generation, retrieval and models a few
    // times each, and written in front of 340 names as "Text-to-Image (T2I)".
    const t2i = { short: "T2I", long: "Text-to-Image" };
    const inFront = (title: string) =>
      analyzed(paper(title, "Text-to-Image (T2I) models draw."), [
        ["abstract", "T2I models", "method", undefined, t2i],
      ]);
    const x = canonicalize([
      analyzed(paper("One", "We study text-to-image retrieval (T2I)."), [
        ["abstract", "text-to-image retrieval", "task", "T2I"],
        ["abstract", "T2I", "task", "T2I"],
      ]),
      analyzed(paper("Two", "We study text-to-image generation (T2I)."), [
        ["abstract", "text-to-image generation", "task", "T2I"],
        ["abstract", "T2I", "task", "T2I"],
      ]),
      inFront("Three"),
      inFront("Four"),
      inFront("Five"),
      inFront("Six"),
      inFront("Seven"),
      inFront("Eight"),
      analyzed(paper("Nine", "Fast T2I models."), [["abstract", "T2I models", "method"]]),
      analyzed(paper("Ten", "We study text-to-image models."), [
        ["abstract", "text-to-image models", "method"],
      ]),
    ]);
    expect(mentionsOf(x, 8)[0]?.entityId).toBe(mentionsOf(x, 9)[0]?.entityId);
  });

  it("a short form its paper spells out in front of a name names that paper's name ending in the words", () => {
    const mot = { short: "MOT", long: "multi-object tracking" };
    const x = canonicalize([
      analyzed(paper("One", "3D multi-object tracking (MOT) is hard; 3D MOT needs care."), [
        ["abstract", "3D multi-object tracking", "task"],
        ["abstract", "MOT", "task", undefined, mot],
        ["abstract", "3D MOT", "task"],
      ]),
    ]);
    expect(mentionsOf(x, 0).map((m) => m.entityId)).toEqual([
      "task:3d-multi-object-tracking",
      "task:3d-multi-object-tracking",
      "task:3d-multi-object-tracking",
    ]);
  });

  it("a long form the corpus spells a lexicon entry's short form with is that entry, if it reads like it", () => {
    const x = canonicalize([
      analyzed(paper("One", "Bidirectional Encoder Representations from Transformers (BERT)."), [
        ["abstract", "Bidirectional Encoder Representations from Transformers", "method", "BERT"],
        ["abstract", "BERT", "method", "BERT"],
      ]),
      analyzed(paper("Two", "We fine-tune BERT."), [["abstract", "BERT", "method"]]),
      analyzed(paper("Three", "Bayesian networks (BN) reason."), [
        ["abstract", "Bayesian networks", "method", "BN"],
        ["abstract", "BN", "method", "BN"],
      ]),
      analyzed(paper("Four", "We add batch normalization."), [
        ["abstract", "batch normalization", "method"],
      ]),
    ]);
    expect(entity(x, "method:bert")?.papers).toHaveLength(2);
    expect(entity(x, "method:bert")?.aliases).toContain(
      "Bidirectional Encoder Representations from Transformers",
    );
    // The lexicon's BN is batch normalization, a name sharing no word with Bayesian networks.
    expect(entity(x, "method:batch-normalization")?.papers).toHaveLength(1);
    expect(entity(x, "method:bayesian-network")?.papers).toHaveLength(1);
  });

  it("a one-word name written as a method and the name with 'model' after it are one method", () => {
    const x = canonicalize([
      analyzed(paper("One", "We prompt CLIP."), [["abstract", "CLIP", "method"]]),
      analyzed(paper("Two", "A CLIP model sees."), [["abstract", "CLIP model", "method"]]),
      analyzed(paper("Three", "VLA models act; VLA models plan."), [
        ["abstract", "VLA models", "method"],
      ]),
      analyzed(paper("Four", "VLA models act."), [["abstract", "VLA models", "method"]]),
      analyzed(paper("Five", "A VLA acts."), [["abstract", "VLA", "method"]]),
      analyzed(paper("Six", "Differential Guidance (DG) helps."), [
        ["abstract", "Differential Guidance", "method", "DG"],
        ["abstract", "DG", "method", "DG"],
      ]),
      analyzed(paper("Seven", "DG models generalize."), [["abstract", "DG models", "method"]]),
    ]);
    const idOf = (i: number, text: string) =>
      mentionsOf(x, i).find((m) => m.text === text)?.entityId;
    expect(idOf(1, "CLIP model")).toBe("method:clip");
    expect(idOf(4, "VLA")).toBe(idOf(2, "VLA models"));
    // One paper's spelled-out DG is not what another paper's "DG models" are.
    expect(idOf(6, "DG models")).not.toBe(idOf(5, "DG"));
  });

  it("a short form defined with and without the head 'model' is defined one way", () => {
    const x = canonicalize([
      analyzed(paper("One", "Vision-Language-Action (VLA) policies act."), [
        ["abstract", "Vision-Language-Action", "method", "VLA"],
        ["abstract", "VLA", "method", "VLA"],
      ]),
      analyzed(paper("Two", "Vision-Language-Action models (VLA) act."), [
        ["abstract", "Vision-Language-Action models", "method", "VLA"],
      ]),
      analyzed(paper("Three", "We fine-tune a VLA."), [["abstract", "VLA", "method"]]),
    ]);
    const idOf = (i: number, text: string) =>
      mentionsOf(x, i).find((m) => m.text === text)?.entityId;
    expect(idOf(2, "VLA")).toBe(idOf(1, "Vision-Language-Action models"));
    expect(idOf(2, "VLA")).toBe(idOf(0, "VLA"));
  });

  it("a short form a paper proposes is its own, not another paper's definition of it", () => {
    const proposes = analyzed(paper("Two", "We propose CLEAR, a replay method."), [
      ["abstract", "CLEAR", "method"],
    ]);
    (proposes.candidates[0] as Candidate).role = "proposed";
    const x = canonicalize([
      analyzed(paper("One", "We use Certified Latent Error Analysis Rules (CLEAR)."), [
        ["abstract", "Certified Latent Error Analysis Rules", "method", "CLEAR"],
        ["abstract", "CLEAR", "method", "CLEAR"],
      ]),
      proposes,
      analyzed(paper("Three", "We compare with CLEAR."), [["abstract", "CLEAR", "method"]]),
    ]);
    expect(mentionsOf(x, 1)[0]?.entityId).toBe("method:clear");
    // A paper that only uses the short form still takes the corpus's one definition of it.
    expect(mentionsOf(x, 2)[0]?.entityId).toBe("method:certified-latent-error-analysis-rule");
  });

  it("never makes a bare 'invariant' an alias of an invariance kind", () => {
    const of = paper("One", "The features are invariant, that is rotation-invariant.");
    const x = canonicalize([
      {
        paper: of,
        candidates: (["invariant", "rotation-invariant"] as const).map((text) => {
          const start = of.abstract.indexOf(text);
          return {
            type: "invariance",
            text,
            field: "abstract",
            start,
            end: start + text.length,
            sentence: of.abstract,
            rule: "test",
            invariance: { kind: "rotation", relation: "invariant" },
          };
        }),
      },
    ]);
    expect(entity(x, "invariance:rotation")?.aliases).toEqual(["rotation-invariant"]);
    expect(mentionsOf(x)).toHaveLength(2);
  });

  it("an entity keeps the type its paper gives it, the lexicon's aside", () => {
    const x = canonicalize([
      analyzed(paper("One", "Self-supervised learning is our task."), [
        ["abstract", "Self-supervised learning", "task"],
      ]),
      analyzed(paper("Two", "We train by self-supervised learning."), [
        ["abstract", "self-supervised learning", "method"],
      ]),
    ]);
    expect(mentionsOf(x, 0)[0]?.entityId).toBe("task:self-supervised-learning");
    expect(mentionsOf(x, 1)[0]?.entityId).toBe("method:self-supervised-learning");
  });

  it("records the methods a paper proposes, and the invariance kinds it targets", () => {
    const x = extract([
      "BoostDream: Efficient Refining for Text-to-3D Generation",
      "Our rotation-invariant refiner uses score distillation sampling (SDS).",
    ]);
    const byText = new Map(mentionsOf(x).map((m) => [m.text, m]));
    expect(byText.get("BoostDream")).toMatchObject({
      role: "proposed",
      field: "title",
      start: 0,
      end: 10,
    });
    expect(byText.get("score distillation sampling")).toMatchObject({
      role: "used",
      entityId: "method:score-distillation-sampling",
    });
    expect(byText.get("rotation-invariant")).toMatchObject({
      entityId: "invariance:rotation",
      invariance: { kind: "rotation", relation: "invariant" },
    });
  });

  it("every mention's span is the text it names, in its sentence", () => {
    const x = extract([
      "ColorMNet: Video Colorization",
      "We evaluate ColorMNet on DAVIS and Videvo with a ResNet-50 backbone, invariant to lighting.",
    ]);
    const paper = x.papers[0];
    for (const m of paper?.mentions ?? []) {
      const text = m.field === "title" ? paper?.paper.title : paper?.paper.abstract;
      if (m.rule !== "dataset-list" || !m.text.includes("/"))
        expect(text?.slice(m.start, m.end)).toBe(m.text);
      expect(m.sentence).toContain(text?.slice(m.start, m.end));
    }
  });

  it("the same corpus gives the same extraction", () => {
    const corpus: [string, string][] = [
      ["ColorMNet: Video Colorization", "We use graph neural networks (GNNs) on DAVIS."],
      ["Another Study", "GNNs are rotation-invariant here."],
    ];
    expect(JSON.stringify(extract(...corpus))).toBe(JSON.stringify(extract(...corpus)));
  });
});

describe("the corpus pass begun before every analysis is at hand", () => {
  let analyzed: AnalyzedPaper[];
  let whole: string;
  beforeAll(async () => {
    const { papers } = await ingestPaths([CORPUS], { cwd: CORPUS });
    analyzed = papers.map((paper) => analyzePaper(paper));
    whole = JSON.stringify(canonicalize(analyzed));
  });

  /** The pass begun on the papers `known` keeps, finished with the others. */
  function finishedLater(known: (paper: number) => boolean): string {
    const rest = new Map<number, AnalyzedPaper>();
    const begun = analyzed.map((a, paper) => {
      if (known(paper)) return a;
      rest.set(paper, a);
      return undefined;
    });
    return JSON.stringify(canonicalizeLater(inMemory(begun))(rest));
  }

  it("gives what the whole pass gives, whichever papers come late", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 490, maxLength: 490 }), (mask) => {
        expect(finishedLater((paper) => mask[paper] ?? true)).toBe(whole);
      }),
      { numRuns: 15 },
    );
  });

  it("reads known papers again when late ones define the acronyms they use", () => {
    // Every definition comes late: the known papers' short forms resolve only once it arrives.
    const defines = (paper: number) =>
      analyzed[paper]?.candidates.some((c) => c.acronym !== undefined && c.acronym !== c.text);
    expect(analyzed.filter((_, paper) => defines(paper)).length).toBeGreaterThan(20);
    expect(finishedLater((paper) => !defines(paper))).toBe(whole);
  });
});
