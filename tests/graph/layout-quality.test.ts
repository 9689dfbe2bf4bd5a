import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { type KnowledgeGraph, layoutQuality } from "../../src/graph/index.js";

/** Two threads of `n` nodes each, chained inside each thread, placed by `place`. */
function twoThreads(n: number, place: (thread: number, i: number) => [number, number]) {
  const graph = new Graph({ type: "undirected" }) as unknown as KnowledgeGraph;
  for (const thread of [0, 1])
    for (let i = 0; i < n; i++) {
      const [x, y] = place(thread, i);
      graph.addNode(`${thread}-${i}`, { type: "method", label: "", thread, x, y } as never);
      if (i > 0) graph.addEdge(`${thread}-${i - 1}`, `${thread}-${i}`, { weight: 1 } as never);
    }
  return graph;
}

describe("layout quality", () => {
  it("is high for threads apart with chains in order, and low for threads mixed at random", () => {
    const apart = layoutQuality(twoThreads(50, (thread, i) => [thread * 1000 + i, 0]));
    expect(apart.silhouette).toBeGreaterThan(0.9);
    expect(apart.preservation).toBeGreaterThan(0.9);
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const mixed = layoutQuality(twoThreads(50, () => [random() * 100, random() * 100]));
    expect(Math.abs(mixed.silhouette)).toBeLessThan(0.1);
    expect(mixed.preservation).toBeLessThan(0.2);
  });
});
