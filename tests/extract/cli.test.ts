import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { papergraph, tempDir } from "../helpers/cli.js";
import { smallGraphDir } from "../helpers/graph.js";
import { REQUIREMENTS, SHARED } from "../helpers/requirements.js";

const GOLD = [
  {
    id: "x1",
    title: "Deep Sets for Point Cloud Classification",
    abstract: "We propose Deep Sets, permutation-invariant networks, and evaluate on ModelNet40.",
    methods: [{ name: "Deep Sets", aliases: [], role: "proposed" }],
    datasets: [{ name: "ModelNet40", aliases: [] }],
    tasks: [{ name: "point cloud classification", aliases: [] }],
    invariances: [{ type: "permutation", relation: "invariant", surface: "permutation-invariant" }],
  },
  {
    id: "x2",
    title: "A Study of Nothing in Particular",
    abstract: "We study things.",
    methods: [{ name: "Wasserstein GAN", aliases: ["WGAN"], role: "used" }],
    datasets: [],
    tasks: [],
    invariances: [],
  },
];

describe("papergraph eval", () => {
  it("--json prints papers, micro and per-type scores for a gold file that carries its own text", async () => {
    const dir = await tempDir({ "gold.jsonl": GOLD.map((g) => JSON.stringify(g)).join("\n") });
    const run = await papergraph(["eval", "--gold", "gold.jsonl", "--corpus", ".", "--json"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.papers).toBe(2);
    expect(Object.keys(report.byType)).toEqual(["method", "dataset", "task", "invariance"]);
    expect(report.byType.dataset).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(report.byType.invariance).toMatchObject({ precision: 1, recall: 1 });
    expect(report.byType.method.recall).toBe(0.5);
    expect(report.micro.f1).toBeGreaterThan(0.5);
    expect(report.micro.f1).toBeLessThan(1);
  });

  it("--errors lists what each paper missed", async () => {
    const dir = await tempDir({ "gold.jsonl": GOLD.map((g) => JSON.stringify(g)).join("\n") });
    const run = await papergraph(
      ["eval", "--gold", "gold.jsonl", "--corpus", ".", "--errors"],
      dir,
    );
    expect(run.stdout).toMatch(
      /## A Study of Nothing in Particular\n {2}method: missed \[Wasserstein GAN \/ WGAN\]/,
    );
    expect(run.stdout).toMatch(/^micro +\d\.\d{3}/m);
  });

  it("--by-paper lists each paper's F1, worst first, with its errors under --errors", async () => {
    const dir = await tempDir({ "gold.jsonl": GOLD.map((g) => JSON.stringify(g)).join("\n") });
    const json = await papergraph(
      ["eval", "--gold", "gold.jsonl", "--corpus", ".", "--json", "--by-paper"],
      dir,
    );
    const { byPaper } = JSON.parse(json.stdout);
    expect(byPaper.map((p: { title: string }) => p.title)).toEqual([
      "A Study of Nothing in Particular",
      "Deep Sets for Point Cloud Classification",
    ]);
    expect(byPaper[0]).toMatchObject({ matched: 0, gold: 1, f1: 0 });
    const text = await papergraph(
      ["eval", "--gold", "gold.jsonl", "--corpus", ".", "--by-paper", "--errors"],
      dir,
    );
    expect(text.stdout).toMatch(
      /\n0\.000 +0\/0\/1 +A Study of Nothing in Particular\n {2}method: missed \[Wasserstein GAN \/ WGAN\]/,
    );
  });

  it("--types scores only the types a corpus was annotated for", async () => {
    const dir = await tempDir({ "gold.jsonl": GOLD.map((g) => JSON.stringify(g)).join("\n") });
    const run = await papergraph(
      ["eval", "--gold", "gold.jsonl", "--corpus", ".", "--types", "method", "--json"],
      dir,
    );
    const report = JSON.parse(run.stdout);
    expect(report.byType.dataset).toMatchObject({ found: 0, gold: 0 });
    expect(report.micro.recall).toBe(report.byType.method.recall);
    const bad = await papergraph(["eval", "--gold", "gold.jsonl", "--types", "metric"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--types: unknown type "metric"/);
  });

  it.runIf(REQUIREMENTS.devGold.met)(
    "scores the dev set above the bar the project holds itself to",
    async () => {
      const run = await papergraph(["eval", "--gold", join(SHARED, "gold", "dev.jsonl"), "--json"]);
      const report = JSON.parse(run.stdout);
      expect(report.papers).toBe(55);
      expect(report.micro.f1).toBeGreaterThanOrEqual(0.65);
      for (const type of ["method", "dataset", "task", "invariance"])
        expect(report.byType[type].f1).toBeGreaterThanOrEqual(0.6);
    },
  );

  it("a malformed gold file is an error naming the file and line", async () => {
    const dir = await tempDir({ "gold.jsonl": `${JSON.stringify(GOLD[0])}\n{"title": 3}\n` });
    const run = await papergraph(["eval", "--gold", "gold.jsonl", "--corpus", "."], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("papergraph: error: gold.jsonl:2: record has no title\n");
  });
});

describe("papergraph eval --merges", () => {
  it("counts the judged pairs a build keeps apart and together, and lists the missing and the wrong", async () => {
    const graph = await smallGraphDir();
    const pairs = [
      { a: "invariant risk minimization", b: "IRM", same: true },
      { a: "graph neural networks", b: "GNNs", same: true },
      { a: "ModelNet40", b: "ScanObjectNN", same: false },
      { a: "PACS", b: "domain generalization", same: false },
      { a: "quantum chromodynamics", b: "QCD", same: true },
    ];
    const dir = await tempDir({
      "pairs.jsonl": `${pairs.map((p) => JSON.stringify(p)).join("\n")}\n`,
    });
    const run = await papergraph(
      ["eval", "--merges", "pairs.jsonl", "--graph", graph, "--json"],
      dir,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.different).toEqual({ pairs: 2, keptApart: 2 });
    expect(report.same).toEqual({ pairs: 2, keptTogether: 2 });
    expect(report.missing.map((p: { line: number }) => p.line)).toEqual([5]);
    const text = await papergraph(["eval", "--merges", "pairs.jsonl", "--graph", graph], dir);
    expect(text.stdout).toMatch(/different pairs kept apart: {2}2\/2 \(100\.0 %\)/);
    const bad = await tempDir({ "pairs.jsonl": '{"a": "X", "same": true}\n' });
    const refused = await papergraph(["eval", "--merges", "pairs.jsonl", "--graph", graph], bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'papergraph: error: pairs.jsonl:1: a pair needs two names, "a" and "b"\n',
    );
    const neither = await papergraph(["eval"], dir);
    expect(neither.code).toBe(2);
  });
});

describe("papergraph extract", () => {
  it("writes each paper with its mentions", async () => {
    const dir = await tempDir({
      "papers.jsonl": `${JSON.stringify({ title: "ColorMNet: Video Colorization", abstract: "We evaluate graph neural networks on DAVIS." })}\n`,
    });
    const run = await papergraph(["extract", "papers.jsonl", "--out", "out.jsonl", "--json"], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      papers: 1,
      entities: { method: 2, dataset: 1, task: 1 },
    });
    const [record] = (await readFile(join(dir, "out.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(record.title).toBe("ColorMNet: Video Colorization");
    expect(record.mentions.map((m: { entityId: string }) => m.entityId)).toEqual([
      "method:colormnet",
      "task:video-colorization",
      "method:graph-neural-network",
      "dataset:davis",
    ]);
  });
});
