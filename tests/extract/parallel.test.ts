import { describe, expect, it } from "vitest";
import { extractPapers, extractPapersParallel } from "../../src/extract/index.js";
import { ingestPaths } from "../../src/ingest/index.js";
import { CORPUS } from "../helpers/cli.js";

describe("parallel extraction", () => {
  it("gives exactly the single-threaded result on the shipped corpus", async () => {
    const { papers } = await ingestPaths([CORPUS], { cwd: CORPUS });
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
