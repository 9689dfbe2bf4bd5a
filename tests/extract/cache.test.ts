import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AnalysisCache,
  analysisKey,
  analyzeAhead,
  EXTRACTOR_FINGERPRINT,
  extractPapers,
  extractPapersCached,
} from "../../src/extract/index.js";
import { ingestPaths, mergePapers } from "../../src/ingest/index.js";
import { openBuildStore } from "../../src/store/index.js";
import type { NodePlacement, Paper } from "../../src/types.js";
import { CORPUS, papergraph, tempDir } from "../helpers/cli.js";

const CAPTURE_000 = join(CORPUS, "000_e1eb4fedbdd4ac66.txt");
const CAPTURE_001 = join(CORPUS, "001_e6115a926a4a5776.txt");

describe("the extraction cache", () => {
  it("analyses each paper once, and gives what an uncached extraction gives", async () => {
    const { papers } = await ingestPaths([CAPTURE_001], { cwd: CORPUS });
    const store = openBuildStore(":memory:", EXTRACTOR_FINGERPRINT);
    const first = await extractPapersCached(papers, store, { workers: 1 });
    const second = await extractPapersCached(papers, store, { workers: 1 });
    expect([first.analyzed, first.reused]).toEqual([papers.length, 0]);
    expect([second.analyzed, second.reused]).toEqual([0, papers.length]);
    expect(JSON.stringify(second.extraction)).toBe(JSON.stringify(extractPapers(papers)));
    store.close();
  });

  it.each([
    ["held", undefined],
    ["read in slices", 0],
  ])(
    "takes analyses made ahead on a worker thread as if made in place, and stores them (%s)",
    async (_, slicesFrom) => {
      const { papers } = await ingestPaths([CAPTURE_001], { cwd: CORPUS });
      const store = openBuildStore(":memory:", EXTRACTOR_FINGERPRINT);
      const ahead = analyzeAhead(papers, store, { workers: 2 });
      expect(ahead).toBeDefined();
      const result = await extractPapersCached(papers, store, { workers: 1, ahead, slicesFrom });
      expect([result.analyzed, result.reused]).toEqual([papers.length, 0]);
      expect(JSON.stringify(result.extraction)).toBe(JSON.stringify(extractPapers(papers)));
      // Every paper is in the cache now: nothing to analyse ahead.
      expect(analyzeAhead(papers, store, { workers: 2 })).toBeUndefined();
      store.close();
    },
    30_000,
  );

  it("past slicesFrom, stores the analyses it makes and reads every paper's over on each pass", async () => {
    const { papers } = await ingestPaths([CORPUS], { cwd: CORPUS });
    const store = openBuildStore(":memory:", EXTRACTOR_FINGERPRINT);
    const whole = await extractPapersCached(papers, store, { workers: 1 });
    // Every other paper is cached; the others are analysed first, then read back with the rest.
    const keys = papers.map(analysisKey);
    const cached = [...store.get(keys)].filter(([key]) => keys.indexOf(key) % 2 === 0);
    const later = openBuildStore(":memory:", EXTRACTOR_FINGERPRINT);
    later.put(cached);
    let read = 0;
    const counted: AnalysisCache = {
      get: (keys) => {
        read += keys.length;
        return later.get(keys);
      },
      held: (keys) => later.held(keys),
      put: (entries) => later.put(entries),
    };
    const sliced = await extractPapersCached(papers, counted, { workers: 1, slicesFrom: 0 });
    expect(sliced.reused).toBe(keys.filter((key) => cached.some(([k]) => k === key)).length);
    expect(sliced.analyzed + sliced.reused).toBe(papers.length);
    expect(JSON.stringify(sliced.extraction)).toBe(JSON.stringify(whole.extraction));
    expect(later.held(keys).size).toBe(new Set(keys).size);
    // Read on each pass (acronyms, groups, mentions), never held.
    expect(read).toBeGreaterThanOrEqual(3 * papers.length);
    store.close();
    later.close();
  }, 60_000);

  it("keeps node placements as last saved, rewriting only what changed", async () => {
    const path = join(await tempDir(), "s.sqlite");
    const first = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    const at = (x: number, thread = 0) => ({ x, y: -x, thread });
    first.savePlacements([
      ["a", at(1)],
      ["b", at(2)],
      ["c", at(3)],
    ]);
    first.close();
    const second = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    expect(second.loadPlacements()).toEqual(
      new Map([
        ["a", at(1)],
        ["b", at(2)],
        ["c", at(3)],
      ]),
    );
    // b moves to another thread, c is gone, d is new.
    const next = new Map([
      ["a", at(1)],
      ["b", at(2, 5)],
      ["d", at(4)],
    ]);
    second.savePlacements(next);
    second.close();
    const third = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    expect(third.loadPlacements()).toEqual(next);
    third.close();
  });

  it("rewrites the paper records a merge changed, and keeps the others", async () => {
    const path = join(await tempDir(), "s.sqlite");
    const record = (id: string, abstract: string): Paper => ({
      id,
      title: `Paper ${id}`,
      abstract,
      sources: [{ file: "a.jsonl", line: 1 }],
    });
    const first = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    first.savePapers([record("a", "Short."), record("b", "Short.")]);
    first.close();
    const second = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    // A later record of b brings a fuller abstract; c is new.
    const later = [record("b", "A fuller abstract."), record("c", "New.")];
    const merged = mergePapers([...second.loadPapers(), ...later]).papers;
    second.savePapers(merged);
    second.close();
    const third = openBuildStore(path, EXTRACTOR_FINGERPRINT);
    expect(third.loadPapers().map((p) => [p.id, p.abstract, p.sources.length])).toEqual([
      ["a", "Short.", 1],
      ["b", "A fuller abstract.", 2],
      ["c", "New.", 1],
    ]);
    third.close();
  });

  it("drops analyses of another extractor version", async () => {
    const { papers } = await ingestPaths([CAPTURE_001], { cwd: CORPUS });
    const dir = await tempDir();
    const old = openBuildStore(join(dir, "s.sqlite"), "old-version");
    old.put([["k", { candidates: [] }]]);
    old.close();
    const store = openBuildStore(join(dir, "s.sqlite"), EXTRACTOR_FINGERPRINT);
    expect(store.prune(EXTRACTOR_FINGERPRINT)).toBe(1);
    expect((await extractPapersCached(papers, store, { workers: 1 })).reused).toBe(0);
    store.close();
  });
});

/** Where each node of a build is drawn, and its thread. */
async function placements(dir: string): Promise<Map<string, NodePlacement & { type: string }>> {
  const { nodes } = JSON.parse(await readFile(join(dir, "graph.json"), "utf8")) as {
    nodes: { key: string; attributes: NodePlacement & { type: string } }[];
  };
  return new Map(
    nodes.map(({ key, attributes: { x, y, thread, type } }) => [key, { x, y, thread, type }]),
  );
}

describe("papergraph add", () => {
  it("adds papers to a build, extracting only the new ones, to the graph a full build gives", async () => {
    const dir = await tempDir();
    expect((await papergraph(["build", CAPTURE_000, "--out", "g", "-q"], dir)).code).toBe(0);
    const before = await placements(join(dir, "g"));
    const run = await papergraph(["add", CAPTURE_001, "--out", "g"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Added 22 new papers to the 198 of g\/ \(extracted 22, reused 198 from the cache\)\nBuilt the graph of 220 papers/,
    );
    expect(
      (
        await papergraph(
          ["build", CAPTURE_000, CAPTURE_001, "--out", "full", "-q", "--no-cache"],
          dir,
        )
      ).code,
    ).toBe(0);
    const nodes = async (d: string) =>
      (JSON.parse(await readFile(join(dir, d, "graph.json"), "utf8")).nodes as { key: string }[])
        .map((n) => n.key)
        .sort();
    expect(await nodes("g")).toEqual(await nodes("full"));
    // The map a reader knows stays put, threads and colours too; new papers land among the
    // entities they name, and join their threads.
    const after = await placements(join(dir, "g"));
    for (const [key, at] of before) expect(after.get(key)).toEqual(at);
    const added = [...after].filter(([key]) => !before.has(key));
    expect(added.length).toBeGreaterThan(22);
    const extent = Math.max(...[...before.values()].map(({ x, y }) => Math.hypot(x, y)));
    for (const [, { x, y }] of added) expect(Math.hypot(x, y)).toBeLessThanOrEqual(extent + 20);
    const newPapers = added.filter(([, { type }]) => type === "paper");
    expect(newPapers.filter(([, { thread }]) => thread >= 0).length).toBeGreaterThan(15);
    // The store now holds all 220 papers: adding the same file again adds nothing and moves nothing.
    const again = await papergraph(["add", CAPTURE_001, "--out", "g"], dir);
    expect(again.stdout).toMatch(
      /^Added 0 new papers to the 220 of g\/ \(extracted 0, reused 220 from the cache\)/,
    );
    expect(await placements(join(dir, "g"))).toEqual(after);
  }, 60_000);

  it("needs a build to add to", async () => {
    const dir = await tempDir();
    const run = await papergraph(["add", CAPTURE_001, "--out", "nothing"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /nothing\/: no build to add to; run "papergraph build --out nothing" first/,
    );
  });
});
