/** The library as a program uses it: records in memory, a build folder, typed errors. */
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  add,
  build,
  IngestError,
  ingest,
  loadGraph,
  loadThreads,
  NoBuildError,
  neighbors,
  PapergraphError,
  UnknownConceptError,
  UsageError,
} from "../src/index.js";
import { tempDir } from "./helpers/cli.js";
import { SMALL_CORPUS } from "./helpers/graph.js";

const RECORDS = SMALL_CORPUS.map(({ title, abstract }) => ({ title, abstract }));

describe("build and add from records in memory", () => {
  it("writes a build folder that loadGraph reads back, and adds papers to it", async () => {
    const cwd = await tempDir();
    const built = await build(RECORDS.slice(0, 3), { out: "map", cwd, workers: 1 });
    expect(built.stats.nodesByType.paper).toBe(3);
    expect(Object.keys(built.seconds)).toEqual([
      "ingest",
      "extract",
      "graph",
      "threads",
      "layout",
      "export",
    ]);
    expect((await readdir(join(cwd, "map"))).sort()).toEqual([
      "cache.sqlite",
      "details",
      "graph.gexf",
      "graph.json",
      "map.json",
      "threads.json",
    ]);
    expect(await readdir(join(cwd, "map", "details"))).toEqual(["0.json"]);
    expect((await loadGraph("map", cwd)).order).toBe(built.graph.order);
    expect((await loadThreads("map", cwd)).modularity).toBe(built.threads.modularity);

    const added = await add(RECORDS.slice(3), { out: "map", cwd, workers: 1 });
    expect({ before: added.before, added: added.added, analyzed: added.analyzed }).toEqual({
      before: 3,
      added: 1,
      analyzed: 1,
    });
    const graph = await loadGraph("map", cwd);
    expect(graph.filterNodes((_, a) => a.type === "paper")).toHaveLength(4);
    expect(neighbors(graph, "PACS").neighbors.map((n) => n.label)).toContain(
      "=Domain Generalization on PACS",
    );
  });
});

describe("typed errors", () => {
  it("a bad record is an IngestError naming the record, and nothing is written", async () => {
    const cwd = await tempDir();
    const bad = [RECORDS[0], { abstract: "no title here" }] as { title: string }[];
    const error = await build(bad, { out: "map", cwd, workers: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PapergraphError);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(IngestError);
    expect((cause as IngestError).problem).toMatchObject({ file: "records", record: 2 });
    expect((error as Error).message).toMatch(
      /^build failed in stage "ingest", nothing written: records \(record 2\): record has no title$/,
    );
    expect(await readdir(cwd)).toEqual([]);
  });

  it("a first build that fails after extracting keeps its analyses, and the next reuses them", async () => {
    const cwd = await tempDir();
    const failing = build(RECORDS, {
      out: "maps/map",
      cwd,
      workers: 1,
      onStage: (stage) => {
        if (stage === "threads") throw new Error("stopped by the caller");
      },
    });
    await expect(failing).rejects.toThrow(
      `build failed in stage "threads", nothing written but the analyses of ${RECORDS.length} papers, kept in maps/map/cache.sqlite for the next build: stopped by the caller`,
    );
    expect(await readdir(join(cwd, "maps", "map"))).not.toContain("graph.json");
    const again = await build(RECORDS, { out: "maps/map", cwd, workers: 1 });
    expect([again.analyzed, again.reused]).toEqual([0, RECORDS.length]);
  });

  it("options out of range are usage errors; a missing build, a NoBuildError", async () => {
    await expect(ingest(RECORDS, { resolution: 0 })).rejects.toBeInstanceOf(UsageError);
    await expect(ingest(RECORDS, { workers: 1.5 })).rejects.toThrow(
      "workers must be a whole number of at least 1, got 1.5",
    );
    const cwd = await tempDir();
    await expect(add(RECORDS, { out: "none", cwd })).rejects.toBeInstanceOf(NoBuildError);
    await expect(loadGraph("none", cwd)).rejects.toThrow(
      'none/graph.json: no built graph here; run "papergraph build --out none" first',
    );
  });

  it("an unknown concept comes with the nearest names", async () => {
    const cwd = await tempDir();
    const { graph } = await build(RECORDS, { out: "map", cwd, workers: 1 });
    expect(neighbors(graph, "ModelNet4").how).toBe("spelling");
    let error: unknown;
    try {
      neighbors(graph, "Point Clod Segmentation Benchmark");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownConceptError);
    const { suggestions, message } = error as UnknownConceptError;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(message).toContain(`  ${suggestions[0]?.id}  (${suggestions[0]?.label})`);
  });
});

describe("gzipped inputs", () => {
  it("are read as the file inside says, streamed or whole", async () => {
    const jsonl = `${RECORDS.map((r) => JSON.stringify(r)).join("\n")}\n`;
    const bib =
      "@article{deepsets, title={Deep Sets}, abstract={Sets are permutation invariant.}}\n";
    const cwd = await tempDir({
      "papers.jsonl.gz": gzipSync(jsonl),
      "refs.bib.gz": gzipSync(bib),
    });
    const { papers, summary } = await ingest(["."], { cwd });
    expect(summary.formats).toEqual({ jsonl: 1, bibtex: 1 });
    expect(papers.map((p) => p.title).sort()).toEqual(
      [...RECORDS.map((r) => r.title), "Deep Sets"].sort(),
    );
    expect(papers.find((p) => p.title === "Deep Sets")?.sources[0]?.file).toBe("refs.bib.gz");
  });

  it("a corrupt one is an error naming the file", async () => {
    const cwd = await tempDir();
    const zipped = gzipSync('{"title": "Deep Sets"}\n');
    await writeFile(join(cwd, "broken.jsonl.gz"), zipped.subarray(0, zipped.length - 6));
    await writeFile(join(cwd, "plain.json.gz"), '{"title": "not compressed"}');
    await expect(ingest(["broken.jsonl.gz"], { cwd })).rejects.toThrow(
      /^broken\.jsonl\.gz:2: gzip data ends early: the file is truncated$/,
    );
    await expect(ingest(["plain.json.gz"], { cwd })).rejects.toThrow(
      /^plain\.json\.gz: not valid gzip data \(Z_DATA_ERROR\)$/,
    );
  });
});

describe("dates", () => {
  it("come from the record, or from the arXiv id's month when the record gives none", async () => {
    const { papers } = await ingest([
      { title: "Dated", id: "2503.11731", date: "2025-03-18" },
      { title: "From its id", id: "arXiv:2411.00001v2" },
      { title: "Neither" },
    ]);
    expect(papers.map((p) => p.date)).toEqual(["2025-03-18", "2024-11", undefined]);
  });
});
