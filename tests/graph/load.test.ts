import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import { jsonChunks, toJson } from "../../src/export/index.js";
import { writeFileAtomic } from "../../src/io/index.js";
import { tempDir } from "../helpers/cli.js";
import { largeGraph, smallGraph } from "../helpers/graph.js";

describe("a build's graph.json read back as a stream", () => {
  it("gives back the graph it was written from, across many read chunks", async () => {
    for (const { graph } of [smallGraph(), largeGraph()]) {
      const dir = await tempDir();
      await writeFileAtomic(join(dir, "graph.json"), jsonChunks(graph));
      const text = await readFile(join(dir, "graph.json"), "utf8");
      if (graph.order > 10_000) expect(text.length).toBeGreaterThan(3 << 20);
      const read = await loadGraph(dir);
      expect(read.order).toBe(graph.order);
      expect(read.size).toBe(graph.size);
      expect(read.getAttributes()).toEqual(graph.getAttributes());
      // Written again, byte for byte the same file.
      expect(toJson(read)).toBe(text);
    }
  });

  it("names the file of a graph.json cut short or not a graph", async () => {
    const { graph } = smallGraph();
    const dir = await tempDir();
    const text = toJson(graph);
    await writeFile(join(dir, "graph.json"), text.slice(0, Math.floor(text.length / 2)));
    await expect(loadGraph(dir)).rejects.toThrow(
      /graph\.json: not a papergraph build file \(.*ends inside/,
    );
    await writeFile(join(dir, "graph.json"), '{"nodes":[{"key":"a"}]}');
    await expect(loadGraph(dir)).rejects.toThrow(/graph\.json: not a papergraph build file/);
    const empty = await tempDir();
    await expect(loadGraph(empty)).rejects.toThrow(/no built graph here/);
  });
});
