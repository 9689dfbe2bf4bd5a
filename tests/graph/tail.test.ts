/**
 * A large build keeps the entities one paper alone names (its tail) and its papers' texts out of
 * its in-memory graph, and writes them from its store: graph.json, search and the viewer's details
 * hold them all the same.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { type BuildResult, build } from "../../src/pipeline.js";
import { openSearch } from "../../src/store/index.js";
import { CORPUS, tempDir } from "../helpers/cli.js";

/** Each node's names and paper count, and each edge's ends and type, in a stable order. */
function contents(graph: KnowledgeGraph) {
  const nodes = graph
    .mapNodes(
      (key, a) =>
        JSON.stringify([key, a.type, a.label, a.aliases, a.paperCount, a.date, a.url, a.abstract]) +
        JSON.stringify([a.sources, a.mentions, a.authors]),
    )
    .sort();
  const edges = graph
    .mapEdges((_, { type, evidence, relation }, source, target) =>
      JSON.stringify([source, target, type, evidence, relation]),
    )
    .sort();
  return { nodes, edges };
}

describe("the tail of a large build", () => {
  let whole: BuildResult;
  let split: BuildResult;
  let splitDir: string;

  beforeAll(async () => {
    const dir = await tempDir();
    splitDir = join(dir, "split");
    // The shipped corpus, built whole and as a large corpus is built (every one-paper entity split off).
    whole = await build([CORPUS], { out: join(dir, "whole"), workers: 1 });
    split = await build([CORPUS], { out: splitDir, workers: 1, offMapFrom: 0, tailFrom: 0 });
  }, 180_000);

  it("is not in the graph the build holds, and is in graph.json as the whole build has it", async () => {
    const held = split.graph.filterNodes(
      (_, a) => (a.type !== "paper" && a.paperCount === 1) || a.abstract !== undefined,
    );
    expect(held).toEqual([]);
    const written = await loadGraph(splitDir);
    const tail = written.filterNodes((_, a) => a.type !== "paper" && a.paperCount === 1);
    expect(tail.length).toBeGreaterThan(500);
    expect(contents(written)).toEqual(contents(await loadGraph(whole.dir)));
    // Drawn beside its paper, in its paper's thread.
    for (const node of tail.slice(0, 50)) {
      const [paper] = written.neighbors(node);
      expect(written.getNodeAttribute(node, "thread")).toBe(
        written.getNodeAttribute(paper as string, "thread"),
      );
    }
  });

  it("is counted in the build's figures, found by search, and opened from its paper's details", async () => {
    const { nodes, edges, nodesByType, edgesByType } = whole.stats;
    expect(split.stats).toMatchObject({ nodes, edges, nodesByType, edgesByType });
    const written = await loadGraph(splitDir);
    const node = written.findNode(
      (_, a) => a.type === "dataset" && a.paperCount === 1 && a.label.length > 6,
    ) as string;
    const { label } = written.getNodeAttributes(node);
    const search = openSearch(join(splitDir, "cache.sqlite"));
    const hit = search?.search(label, 20).find((h) => h.id === node);
    search?.close();
    expect(hit, label).toMatchObject({ label, paperCount: 1 });
    const map = JSON.parse(await readFile(join(splitDir, "map.json"), "utf8"));
    expect(map.whole).toMatchObject({ order: nodes, size: edges });
    const details = await Promise.all(
      Array.from({ length: map.shards }, async (_, i) =>
        JSON.parse(await readFile(join(splitDir, "details", `${i}.json`), "utf8")),
      ),
    );
    const opened = details.flatMap((shard) =>
      Object.values(shard).flatMap((paper) =>
        ((paper as { offMap?: { key: string }[] }).offMap ?? []).map((e) => e.key),
      ),
    );
    expect(opened).toContain(node);
    const gexf = await readFile(join(splitDir, "graph.gexf"), "utf8");
    expect(gexf).toMatch(/\d+ entities one paper alone names are left out/);
  });
});
