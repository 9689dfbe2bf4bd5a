import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { detectSubthreads, splitOversized } from "../../src/graph/subthreads.js";
import { describeThreads } from "../../src/graph/threads.js";
import { seededRandom } from "../../src/random.js";
import type { EntityType } from "../../src/types.js";

/** A graph of papers, each naming the entities listed for it ("method:m1"), all in thread 0. */
function field(papers: string[][]): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph({ type: "undirected" });
  const node = { thread: 0, color: "", size: 1, x: 0, y: 0 };
  papers.forEach((entities, i) => {
    graph.addNode(`paper:${i}`, { ...node, type: "paper", label: `paper ${i}` });
    for (const entity of entities) {
      if (!graph.hasNode(entity))
        graph.addNode(entity, {
          ...node,
          type: entity.split(":")[0] as EntityType,
          label: entity.split(":")[1] as string,
          paperCount: 0,
        });
      graph.updateNodeAttribute(entity, "paperCount", (n) => (n ?? 0) + 1);
      graph.addEdge(`paper:${i}`, entity, { type: "uses", weight: 1 });
    }
  });
  return graph;
}

/** `n` papers of a school: each names its school's shared method, one of its 8 tasks and one of its 8 methods. */
function school(name: string, n: number): string[][] {
  const random = seededRandom(name.length);
  return Array.from({ length: n }, () => [
    `method:${name}`,
    `task:${name}-t${Math.floor(random() * 8)}`,
    `method:${name}-m${Math.floor(random() * 8)}`,
  ]);
}

const nodesOf = (graph: KnowledgeGraph) => graph.nodes();

describe("threads within threads", () => {
  it("splits a large thread into parts that never mix its schools, each labelled by the thread's rule", () => {
    const graph = field(
      [...school("vision", 200), ...school("language", 200)].map((p, i) => [
        ...p,
        i % 2 ? "method:deep learning" : "task:benchmarks",
      ]),
    );
    detectSubthreads(graph, new Map([[0, nodesOf(graph)]]));
    const schoolsIn = new Map<string, Set<string>>();
    graph.forEachNode((node, { subthread, type }) => {
      if (type === "paper" || !subthread || /deep learning|benchmarks/.test(node)) return;
      const set = schoolsIn.get(subthread) ?? new Set();
      set.add(node.includes("vision") ? "vision" : "language");
      schoolsIn.set(subthread, set);
    });
    expect(schoolsIn.size).toBeGreaterThanOrEqual(2);
    for (const schools of schoolsIn.values()) expect(schools.size).toBe(1);
    const [thread] = describeThreads(graph);
    const subthreads = thread?.subthreads ?? [];
    expect(subthreads.map((s) => s.path)).toEqual(subthreads.map((_, i) => `0.${i}`));
    expect(subthreads.reduce((sum, s) => sum + s.paperCount, 0)).toBeLessThanOrEqual(400);
    for (const sub of subthreads) {
      expect(sub.label).not.toBe("");
      expect(sub.labelPaperCount).toBeLessThanOrEqual(sub.paperCount);
      expect(sub.color).toBe(thread?.color);
    }
    expect([...subthreads].sort((a, b) => b.paperCount - a.paperCount)).toEqual(subthreads);
  });

  it("leaves a thread whole when it is small, or when splitting it means nothing", () => {
    const small = field([...school("vision", 100), ...school("language", 100)]);
    detectSubthreads(small, new Map([[0, nodesOf(small)]]));
    expect(small.someNode((_, a) => a.subthread !== undefined)).toBe(false);
    // Every paper names the same three entities: no part stands apart from the rest.
    const uniform = field(Array.from({ length: 400 }, () => ["method:a", "task:b", "dataset:c"]));
    detectSubthreads(uniform, new Map([[0, nodesOf(uniform)]]));
    expect(uniform.someNode((_, a) => a.subthread !== undefined)).toBe(false);
    expect(describeThreads(uniform)[0]?.subthreads).toBeUndefined();
  });

  it("splits a community holding more than a tenth of the field's papers into threads of their own", () => {
    const graph = field([...school("vision", 400), ...school("language", 400)]);
    const whole = nodesOf(graph);
    const parts = splitOversized(graph, [whole], 3000);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.flat().sort()).toEqual([...whole].sort());
    for (const part of parts) {
      expect(part.filter((n) => n.startsWith("paper:")).length).toBeLessThanOrEqual(300);
      const schools = new Set(
        part.filter((n) => !n.startsWith("paper:")).map((n) => (n.includes("vision") ? "v" : "l")),
      );
      expect(schools.size).toBeLessThanOrEqual(1);
    }
    expect(splitOversized(graph, [whole], 8000)).toEqual([whole]);
    // Under 300 papers a thread is read at a glance, whatever its share of a small corpus.
    const small = field(school("vision", 250));
    expect(splitOversized(small, [nodesOf(small)], 300)).toEqual([nodesOf(small)]);
  });
});
