import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { toJson } from "../../src/export/index.js";
import { graphStats, type KnowledgeGraph, npmi } from "../../src/graph/index.js";
import { describeThreads } from "../../src/graph/threads.js";
import type { NodeType } from "../../src/types.js";
import { SMALL_CORPUS, smallGraph } from "../helpers/graph.js";

const PAPERS = SMALL_CORPUS;
const built = smallGraph;

describe("the knowledge graph", () => {
  it("has paper and entity nodes with the documented attributes", () => {
    const { graph } = built();
    const rotnet = graph.getNodeAttributes("method:rotnet");
    expect(rotnet).toMatchObject({ type: "method", label: "RotNet", paperCount: 1 });
    expect(rotnet.thread).toBeGreaterThanOrEqual(-1);
    expect(rotnet.color).toMatch(/^#[0-9a-f]{6}$/);
    const first = graph.getNodeAttributes(`paper:${PAPERS[0]?.id}`);
    expect(first).toMatchObject({
      type: "paper",
      label: PAPERS[0]?.title,
      abstract: PAPERS[0]?.abstract,
    });
    expect(first.mentions?.length).toBeGreaterThan(3);
    expect(graph.getNodeAttributes("dataset:modelnet40")).toMatchObject({
      paperCount: 2,
      aliases: [],
    });
  });

  it("links papers to entities by what the paper does with them, keeping the evidence", () => {
    const { graph } = built();
    const p = `paper:${PAPERS[0]?.id}`;
    expect(graph.getEdgeAttributes(`${p}->method:rotnet`)).toMatchObject({
      type: "proposes",
      weight: 1,
    });
    expect(graph.getEdgeAttributes(`${p}->method:graph-neural-network`).type).toBe("uses");
    const modelnet = graph.getEdgeAttributes(`${p}->dataset:modelnet40`);
    expect(modelnet.type).toBe("evaluatesOn");
    const span = modelnet.evidence;
    expect(span?.field).toBe("abstract");
    expect(PAPERS[0]?.abstract.slice(span?.start, span?.end)).toBe(
      "We evaluate on ModelNet40 and ScanObjectNN with graph neural networks.",
    );
    const tasks = graph.filterEdges(
      p,
      (_, a, source, target) =>
        a.type === "addresses" && source === p && /point-cloud-classification$/.test(target),
    );
    expect(tasks).toHaveLength(1);
    expect(graph.getEdgeAttributes(`${p}->invariance:rotation`)).toMatchObject({
      type: "targets",
      relation: "invariant",
    });
  });

  it("joins entities named together by at least two papers, weighted by NPMI, with the papers behind", () => {
    const { graph } = built();
    const edge = graph.edge("dataset:modelnet40", "method:graph-neural-network");
    expect(edge).toBeDefined();
    const attributes = graph.getEdgeAttributes(edge as string);
    expect(attributes).toMatchObject({
      type: "cooccurs",
      count: 2,
      papers: [`paper:${PAPERS[0]?.id}`, `paper:${PAPERS[1]?.id}`],
    });
    expect(attributes.weight).toBeGreaterThan(0);
    expect(attributes.weight).toBeLessThanOrEqual(1);
    // Named together by one paper only: no edge.
    expect(graph.edge("dataset:scanobjectnn", "method:rotnet")).toBeUndefined();
  });

  it("NPMI is 1 for inseparable entities, 0 for independent ones, negative for avoiding ones", () => {
    expect(npmi(5, 5, 5, 100)).toBeCloseTo(1);
    expect(npmi(25, 50, 50, 100)).toBeCloseTo(0);
    expect(npmi(1, 50, 50, 100)).toBeLessThan(0);
  });

  it("puts the point-cloud papers and the domain-generalization papers in different threads", () => {
    const { graph, threads } = built();
    const thread = (id: string) => graph.getNodeAttribute(id, "thread");
    expect(thread(`paper:${PAPERS[0]?.id}`)).toBe(thread(`paper:${PAPERS[1]?.id}`));
    expect(thread(`paper:${PAPERS[2]?.id}`)).toBe(thread(`paper:${PAPERS[3]?.id}`));
    expect(thread(`paper:${PAPERS[0]?.id}`)).not.toBe(thread(`paper:${PAPERS[2]?.id}`));
    expect(threads.threads.map((t) => t.paperCount)).toEqual([2, 2]);
    // Each label names what both of its thread's papers name.
    expect(threads.threads.map((t) => t.labelPaperCount)).toEqual([2, 2]);
    const labels = threads.threads.map((t) => t.label).join(" | ");
    expect(labels).toMatch(/PACS|invariant risk minimization|domain generalization/);
    expect(labels).toMatch(/ModelNet40|point cloud classification|graph neural network/);
    expect(threads.modularity).toBeGreaterThan(0.3);
  });

  it("labels a broad thread by what its papers name most, not by one entity alone", () => {
    // 40 papers of one thread: 8 name "segmentation", 5 "medical imaging", 3 "U-Net", 1 "CLIP".
    const graph = new Graph({ type: "undirected" }) as KnowledgeGraph;
    const node = (key: string, type: NodeType, paperCount?: number) =>
      graph.addNode(key, {
        type,
        label: key,
        x: 0,
        y: 0,
        size: 1,
        color: "#000",
        thread: 0,
        paperCount,
      });
    const named = { segmentation: 8, "medical imaging": 5, "U-Net": 3, CLIP: 1 };
    for (const [entity, n] of Object.entries(named)) node(entity, "task", n);
    for (let p = 0; p < 40; p++) {
      node(`paper ${p}`, "paper");
      for (const [entity, n] of Object.entries(named))
        if (p < n) graph.addEdge(`paper ${p}`, entity, { type: "addresses", weight: 1 });
    }
    const [thread] = describeThreads(graph);
    // Under 15% of the papers, but named by more than half as many as the most named entity.
    expect(thread?.label).toBe("segmentation · medical imaging");
    expect(thread?.labelPaperCount).toBe(8);
  });

  it("counts what it holds", () => {
    const stats = graphStats(built().graph);
    expect(stats.nodesByType.paper).toBe(4);
    expect(stats.edgesByType.proposes).toBeGreaterThanOrEqual(1);
    expect(stats.threads).toBe(2);
    expect(stats.density).toBeGreaterThan(0);
  });

  it("is the same, byte for byte, when built twice", () => {
    expect(toJson(built().graph)).toBe(toJson(built().graph));
  });
});
