import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { build } from "../../src/pipeline.js";
import { createViewerServer, SEARCH_PATH, VIEWER_DIR } from "../../src/serve/index.js";
import type { SearchHit } from "../../src/store/index.js";
import { CORPUS, tempDir } from "../helpers/cli.js";

/** A server on a build folder, and how to ask its search. */
async function searchOf(graphDir: string) {
  const server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SEARCH_PATH}`;
  const ask = (query: string) => fetch(`${base}?${query}`);
  return { ask, close: () => server.close() };
}

describe("search of every node, from the build's store (serve)", () => {
  let graph: KnowledgeGraph;
  let server: Awaited<ReturnType<typeof searchOf>>;
  const hits = async (q: string, limit = 10) =>
    (await (
      await server.ask(new URLSearchParams({ q, limit: String(limit) }).toString())
    ).json()) as SearchHit[];

  beforeAll(async () => {
    const dir = join(await tempDir(), "b");
    await build([CORPUS], { out: dir, workers: 1, offMapFrom: 0 });
    graph = await loadGraph(dir);
    server = await searchOf(dir);
  });
  afterAll(() => server?.close());

  it("finds an entity one paper names, which the map leaves off, by the start of its words", async () => {
    const single = graph.filterNodes(
      (_, a) => a.type !== "paper" && a.paperCount === 1 && a.label.split(" ").length >= 2,
    );
    expect(single.length).toBeGreaterThan(50);
    for (const node of single.slice(0, 20)) {
      const { label } = graph.getNodeAttributes(node);
      // Each word cut to its first three letters, last word first.
      const query = label
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0)
        .map((w) => w.slice(0, 3))
        .reverse()
        .join(" ");
      const found = (await hits(query, 100)).find((hit) => hit.id === node);
      expect(found, `${label} by "${query}"`).toMatchObject({ label, paperCount: 1 });
      // With the paper it is opened beside.
      expect(graph.hasEdge(found?.paper as string, node)).toBe(true);
    }
  });

  it("ranks entities before papers, the most named first, and says the alias it matched", async () => {
    const top = await hits("cifar", 5);
    expect(top[0]?.type).not.toBe("paper");
    const counts = top.filter((h) => h.type !== "paper").map((h) => h.paperCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // An initialism its label does not start a word with, so only the alias can match it.
    const initialism = (x: string, label: string) =>
      /^[A-Z]{3,}$/.test(x) && !label.toLowerCase().includes(x.toLowerCase());
    const aliased = graph.findNode(
      (_, a) => a.type !== "paper" && (a.aliases ?? []).some((x) => initialism(x, a.label)),
    ) as string;
    const { aliases, label } = graph.getNodeAttributes(aliased);
    const alias = (aliases ?? []).find((x) => initialism(x, label)) as string;
    const byAlias = (await hits(alias, 50)).find((h) => h.id === aliased);
    expect(byAlias?.via).toBe(alias);
    const paper = graph.findNode((_, a) => a.type === "paper") as string;
    const title = graph.getNodeAttribute(paper, "label");
    const byTitle = await hits(title.split(/\s+/).slice(0, 4).join(" "), 100);
    expect(byTitle.map((h) => h.id)).toContain(paper);
  });

  it("refuses a limit out of range; a build without its store has no index to search", async () => {
    expect((await server.ask("q=cifar&limit=0")).status).toBe(400);
    expect(await hits("")).toEqual([]);
    const bare = join(await tempDir(), "bare");
    await build([CORPUS], { out: bare, workers: 1, cache: false });
    const other = await searchOf(bare);
    try {
      const response = await other.ask("q=cifar");
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toContain("no search index");
    } finally {
      other.close();
    }
  });
});
