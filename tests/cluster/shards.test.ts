import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeShard, shardOf, shardPapers } from "../../src/extract/index.js";
import { ingest } from "../../src/pipeline.js";
import { papergraph } from "../helpers/cli.js";
import { corpusDir, expectSameAsOneMachine } from "./helpers.js";

describe("sharded extraction (extract --shard, build --analyses)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await corpusDir(120);
    for (let i = 0; i < 4; i++) {
      const run = await papergraph(
        ["extract", "corpus.jsonl", "--shard", `${i}/4`, "--out", "shards", "-w", "1", "-q"],
        dir,
      );
      expect(run.code, run.stderr).toBe(0);
    }
  });

  it("cuts the corpus into shards by a hash of each paper's id, every paper in one", async () => {
    const { papers } = await ingest(["corpus.jsonl"], { cwd: dir });
    const counts = [0, 1, 2, 3].map((i) => papers.filter((p) => shardOf(p, 4) === i).length);
    expect(counts.reduce((a, b) => a + b)).toBe(120);
    for (const n of counts) expect(n).toBeGreaterThan(15);
    const files = (await readdir(join(dir, "shards"))).sort();
    expect(files).toEqual([0, 1, 2, 3].map((i) => `analyses-${i}-of-4.jsonl`));
    const lines = (await readFile(join(dir, "shards", files[1] as string), "utf8")).trim();
    expect(lines.split("\n")).toHaveLength(1 + (counts[1] as number));
  });

  it("analyses a shard a slice at a time, as one pass would", async () => {
    const { papers } = await ingest(["corpus.jsonl"], { cwd: dir });
    const mine = shardPapers(papers, { index: 1, count: 4 });
    const slices: number[] = [];
    const sliced = [];
    for await (const slice of analyzeShard(mine.papers, { workers: 1 }, 7)) {
      slices.push(slice.length);
      sliced.push(...slice);
    }
    expect(slices.length).toBe(Math.ceil(mine.papers.length / 7));
    const whole = [];
    for await (const slice of analyzeShard(mine.papers, { workers: 1 })) whole.push(...slice);
    expect(sliced).toEqual(whole);
    expect(whole.map((r) => r.position)).toEqual(mine.papers.map((p) => p.position));
  });

  it("builds from the shards alone a graph byte-identical to a one-machine build", async () => {
    const run = await papergraph(["build", "--analyses", "shards", "--out", "sharded", "-q"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("analyses of 120 papers read from 4 files");
    await expectSameAsOneMachine(dir, "sharded");
  });

  it("refuses a build from analyses alone that lacks a shard, and writes nothing", async () => {
    const partial = join(dir, "partial");
    const run0 = await papergraph(
      ["extract", "corpus.jsonl", "--shard", "0/2", "--out", "partial", "-w", "1", "-q"],
      dir,
    );
    expect(run0.code).toBe(0);
    const run = await papergraph(["build", "--analyses", "partial", "--out", "nope"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("partial: shards 1 of 2 missing");
    expect(run.stderr).toContain("nothing written");
    await expect(readdir(join(dir, "nope"))).rejects.toThrow();
    expect(await readdir(partial)).toEqual(["analyses-0-of-2.jsonl"]);
  });

  it("with the inputs, extracts only what the analyses lack, or refuses it with --no-extract", async () => {
    const refused = await papergraph(
      ["build", "corpus.jsonl", "--analyses", "partial", "--no-extract", "--out", "refused"],
      dir,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\d+ of the papers have no analysis of this extractor, first "/);
    expect(refused.stderr).toContain("(corpus.jsonl:");
    const filled = await papergraph(
      ["build", "corpus.jsonl", "--analyses", "partial", "--out", "filled", "--json"],
      dir,
    );
    expect(filled.code, filled.stderr).toBe(0);
    const header = JSON.parse(
      (await readFile(join(dir, "partial", "analyses-0-of-2.jsonl"), "utf8")).split(
        "\n",
      )[0] as string,
    );
    // The shard's papers came from its file; only the others were extracted.
    const summary = JSON.parse(filled.stdout);
    expect(header.papers).toBeGreaterThan(30);
    expect(summary.reused).toBe(header.papers);
    expect(summary.extracted).toBe(120 - header.papers);
    await expectSameAsOneMachine(dir, "filled");
  });

  it("says analyses of another extractor are not used, and extracts their papers", async () => {
    const file = join(dir, "shards", "analyses-2-of-4.jsonl");
    const [head, ...rest] = (await readFile(file, "utf8")).split("\n");
    const stale = { ...JSON.parse(head as string), fingerprint: "0123456789ab" };
    await mkdir(join(dir, "other"));
    await writeFile(
      join(dir, "other", "analyses-0-of-1.jsonl"),
      [JSON.stringify(stale), ...rest].join("\n"),
    );
    const run = await papergraph(
      ["build", "corpus.jsonl", "--analyses", "other", "--out", "stale", "--json"],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "analyses-0-of-1.jsonl: analyses of another extractor (0123456789ab;",
    );
    expect(JSON.parse(run.stdout).extracted).toBe(120);
  });

  it("names the file and line of an analysis file that is not one", async () => {
    const notOne = await papergraph(["build", "--analyses", "corpus.jsonl", "--out", "b1"], dir);
    expect(notOne.code).toBe(1);
    expect(notOne.stderr).toContain("corpus.jsonl:1: not a papergraph analysis file");
    const file = join(dir, "shards", "analyses-3-of-4.jsonl");
    const lines = (await readFile(file, "utf8")).split("\n");
    await writeFile(join(dir, "cut.jsonl"), `${lines.slice(0, 3).join("\n")}\n{"position":\n`);
    const cut = await papergraph(["build", "--analyses", "cut.jsonl", "--out", "b2"], dir);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain("cut.jsonl:4: not JSON");
  });

  it("takes --shard as i/N only", async () => {
    const run = await papergraph(["extract", "corpus.jsonl", "--shard", "4/4", "--out", "x"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--shard takes i/N with 0 ≤ i < N");
    const noOut = await papergraph(["extract", "corpus.jsonl", "--shard", "0/4"], dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("give it with --out DIR");
  });
});
