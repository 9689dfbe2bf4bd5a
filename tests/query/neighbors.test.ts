import Graph from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { neighbors, resolveConcept } from "../../src/query/index.js";
import { papergraph } from "../helpers/cli.js";
import { SMALL_CORPUS, smallGraph, smallGraphDir } from "../helpers/graph.js";

describe("resolving a concept", () => {
  const { graph } = smallGraph();

  it("exactly by type:name", () => {
    expect(resolveConcept(graph, "invariance:rotation")).toMatchObject({
      found: { id: "invariance:rotation", type: "invariance" },
      how: "id",
    });
    expect(resolveConcept(graph, "dataset:ModelNet40")).toMatchObject({
      found: { id: "dataset:modelnet40" },
      how: "name",
    });
  });

  it("by name, alias or acronym", () => {
    expect(resolveConcept(graph, "Graph Neural Networks")).toMatchObject({
      found: { id: "method:graph-neural-network" },
      how: "name",
    });
    expect(resolveConcept(graph, "GNN")).toMatchObject({
      found: { id: "method:graph-neural-network" },
      how: "alias",
    });
    expect(resolveConcept(graph, "IRM")).toMatchObject({
      found: { id: "method:invariant-risk-minimization" },
      how: "alias",
    });
  });

  it("by close spelling", () => {
    expect(resolveConcept(graph, "ModelNet4O")).toMatchObject({
      found: { id: "dataset:modelnet40" },
      how: "spelling",
    });
    expect(resolveConcept(graph, "invarient risk minimisation")).toMatchObject({
      found: { id: "method:invariant-risk-minimization" },
    });
  });

  it("a name several entities go by means the one far more papers name, else it is ambiguous", () => {
    const named = (papers: Record<string, number>) => {
      const g = new Graph({ type: "undirected" }) as KnowledgeGraph;
      for (const [id, paperCount] of Object.entries(papers))
        g.addNode(id, {
          type: "method",
          label: id === "method:mllm" ? "MLLM" : id,
          aliases: ["MLLMs"],
          paperCount,
          x: 0,
          y: 0,
          size: 1,
          color: "#000",
          thread: 0,
        });
      return g;
    };
    const mllm = "method:multimodal-large-language-model";
    expect(resolveConcept(named({ [mllm]: 347, "method:mllm": 5 }), "MLLMs")).toMatchObject({
      found: { id: mllm },
      how: "most named",
    });
    // Self- and semi-supervised learning, both "SSL", 85 and 36 papers at 10,000 arXiv papers.
    expect(resolveConcept(named({ [mllm]: 85, "method:mllm": 36 }), "MLLMs")).toMatchObject({
      ambiguous: true,
    });
  });

  it("not found: the nearest entities instead", () => {
    const result = resolveConcept(graph, "quantum chromodynamics");
    expect(result.found).toBeUndefined();
    expect(result).toMatchObject({ ambiguous: false });
    if (!result.found) expect(result.suggestions).toHaveLength(5);
  });
});

describe("neighbors", () => {
  const { graph } = smallGraph();

  it("of an entity: its papers and the entities named with it, strongest first, with supporting papers", () => {
    const list = neighbors(graph, "dataset:modelnet40").neighbors;
    expect(list.filter((n) => n.type === "paper").map((n) => n.label)).toEqual([
      SMALL_CORPUS[1]?.title,
      SMALL_CORPUS[0]?.title,
    ]);
    const gnn = list.find((n) => n.id === "method:graph-neural-network");
    expect(gnn).toMatchObject({
      via: "cooccurs",
      depth: 1,
      papers: [`paper:${SMALL_CORPUS[0]?.id}`, `paper:${SMALL_CORPUS[1]?.id}`],
    });
    const weights = list.filter((n) => n.type !== "paper").map((n) => n.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it("keeps one type, and reaches further with depth", () => {
    const papers = neighbors(graph, "invariance:rotation", { type: "paper" }).neighbors;
    expect(papers.map((n) => n.label)).toEqual([SMALL_CORPUS[0]?.title]);
    const near = neighbors(graph, "invariance:rotation", { type: "dataset" }).neighbors;
    const far = neighbors(graph, "invariance:rotation", { type: "dataset", depth: 2 }).neighbors;
    expect(near).toEqual([]);
    expect(far.map((n) => n.id)).toEqual(
      expect.arrayContaining(["dataset:modelnet40", "dataset:scanobjectnn"]),
    );
    expect(far.every((n) => n.depth === 2 && n.papers.length > 0)).toBe(true);
  });

  it("counts each type before the limit keeps the first of it", () => {
    const { neighbors: kept, totals } = neighbors(graph, "dataset:modelnet40", { limit: 1 });
    expect(kept.filter((n) => n.type === "paper")).toHaveLength(1);
    expect(totals.paper).toBe(2);
  });

  it("two hops away, the neighbour more papers lead to comes first among equals", () => {
    // A reaches B and C through papers p1..p3; p1 and p2 name B, only p3 names C.
    const g = new Graph({ type: "undirected" }) as unknown as KnowledgeGraph;
    const node = (id: string, type: string) => g.addNode(id, { label: id, type } as never);
    node("method:a", "method");
    for (const p of ["paper:p1", "paper:p2", "paper:p3"]) node(p, "paper");
    node("task:b", "task");
    node("task:c", "task");
    const link = (a: string, b: string) => g.addEdge(a, b, { type: "uses", weight: 1 } as never);
    for (const p of ["paper:p1", "paper:p2", "paper:p3"]) link(p, "method:a");
    link("paper:p3", "task:c");
    link("paper:p1", "task:b");
    link("paper:p2", "task:b");
    const { neighbors: far } = neighbors(g, "method:a", { type: "task", depth: 2 });
    expect(far.map((n) => [n.id, n.papers.length])).toEqual([
      ["task:b", 2],
      ["task:c", 1],
    ]);
  });
});

describe("papergraph neighbors, threads, stats", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await smallGraphDir();
  });

  it("--json prints the concept and its neighbours with weights and papers", async () => {
    const run = await papergraph(["neighbors", "IRM", "--graph", dir, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.concept).toEqual({
      id: "method:invariant-risk-minimization",
      label: "invariant risk minimization",
      type: "method",
    });
    expect(out.neighbors[0]).toEqual({
      id: expect.any(String),
      label: expect.any(String),
      type: "paper",
      weight: 1,
      papers: [expect.any(String)],
    });
  });

  it("lists neighbours grouped by type for a person", async () => {
    const run = await papergraph(["neighbors", "graph neural networks", "--graph", dir]);
    expect(run.stdout).toMatch(
      /^graph neural network — method, method:graph-neural-network\n {2}paper \(2\)\n/,
    );
    expect(run.stdout).toMatch(
      / {2}dataset \(1\)\n {4}\d\.\d{3} {2}ModelNet40 {2}\(cooccurs, dataset:modelnet40\)\n {11}2 papers: "RotNet: Rotation-Invariant Point Cloud Classification", "Point Cloud Classification with Graph Neural Networks"\n/,
    );
    expect(run.stdout).toMatch(/\n\(weight: 1 for a paper's own link; between entities, .*NPMI/);
  });

  it("says how many of a type there are when the limit shows fewer, and when there are none", async () => {
    const limited = await papergraph(["neighbors", "ModelNet40", "--limit", "1", "--graph", dir]);
    expect(limited.stdout).toMatch(/\n {2}paper \(1 of 2\)\n/);
    const none = await papergraph(["neighbors", "RotNet", "--type", "dataset", "--graph", dir]);
    expect(none.stdout).toBe("RotNet — method, method:rotnet\n  no dataset neighbours\n");
  });

  it("an unknown concept exits 1 and suggests the nearest", async () => {
    const run = await papergraph(["neighbors", "quantum chromodynamics", "--graph", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^papergraph: error: "quantum chromodynamics" matches no concept; nearest:\n {2}\S+/,
    );
  });

  it("a bad --type is a usage error", async () => {
    const run = await papergraph(["neighbors", "IRM", "--type", "author", "--graph", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--type must be one of paper, method, dataset, task, invariance/);
  });

  it("threads and stats print what the graph holds, as text or JSON", async () => {
    const threads = JSON.parse((await papergraph(["threads", "--graph", dir, "--json"])).stdout);
    expect(threads.threads).toHaveLength(2);
    expect((await papergraph(["threads", "--graph", dir])).stdout).toMatch(
      /^2 research threads, modularity 0\.\d{3}\n {2}0 {2}.+\(2 papers, 2 naming its label; \d+ nodes\)/,
    );
    const stats = JSON.parse((await papergraph(["stats", "--graph", dir, "--json"])).stdout);
    expect(stats).toMatchObject({ nodesByType: { paper: 4 }, threads: 2 });
    expect(Object.keys(stats)).toEqual([
      "nodes",
      "edges",
      "nodesByType",
      "edgesByType",
      "threads",
      "modularity",
      "density",
    ]);
  });

  it("a missing graph says how to build one", async () => {
    const run = await papergraph(["stats", "--graph", "nowhere"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /nowhere\/graph\.json: no built graph here; run "papergraph build --out nowhere" first/,
    );
  });
});
