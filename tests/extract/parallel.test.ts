import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPapers, extractPapersParallel, prestartWorkers } from "../../src/extract/index.js";
import { ingestPaths } from "../../src/ingest/index.js";
import { CORPUS, tempDir } from "../helpers/cli.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("parallel extraction", () => {
  it("gives exactly the single-threaded result on the shipped corpus", async () => {
    const { papers } = await ingestPaths([CORPUS], { cwd: CORPUS });
    // One of the two threads started ahead, as the CLI does before loading its commands.
    prestartWorkers(1);
    const single = extractPapers(papers);
    const progress: number[] = [];
    const parallel = await extractPapersParallel(papers, {
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
    expect(progress.at(-1)).toBe(papers.length);
  }, 120_000);
});

describe("papergraph build from the command line", () => {
  it("exits once done though the thread it started ahead was never needed", async () => {
    const dir = await tempDir();
    const build = () =>
      spawnSync(
        process.execPath,
        ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "build", CORPUS, "-o", dir, "-q"],
        { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
      );
    expect(build().status).toBe(0);
    // Every paper is cached now: the second build analyses nothing, and still exits.
    const again = build();
    expect([again.status, again.signal, again.stderr]).toEqual([0, null, ""]);
  }, 120_000);
});
