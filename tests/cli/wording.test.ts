/** What the command line says, word for word, where a count of one once read "1 records". */
import { describe, expect, it } from "vitest";
import { describeEvidence } from "../../src/cli/curate.js";
import { papergraph, tempDir } from "../helpers/cli.js";

const PAPER = (title: string) =>
  `${JSON.stringify({ title, abstract: "We train ResNet-50 on ImageNet for image classification." })}\n`;

describe("the command line's wording", () => {
  it("ingest counts one of each in the singular", async () => {
    const dir = await tempDir({ "one.jsonl": `${PAPER("A paper")}{"abstract": "no title"}\n` });
    const run = await papergraph(
      ["ingest", "one.jsonl", "--skip-bad", "--out", "papers.jsonl"],
      dir,
    );
    expect(run.stdout).toBe(
      [
        "Read 1 file (jsonl: 1)",
        "  1 entry → 1 distinct paper (0 duplicates merged)",
        "  0 papers without an abstract (kept)",
        "  1 record skipped:",
        "    one.jsonl:2: record has no title",
        "Wrote 1 paper to papers.jsonl",
        "",
      ].join("\n"),
    );
  });

  it("add says how many new papers it added, one in the singular", async () => {
    const dir = await tempDir({
      "a.jsonl": PAPER("First paper"),
      "b.jsonl": PAPER("Second paper"),
    });
    expect((await papergraph(["build", "a.jsonl", "--out", "out", "-q"], dir)).code).toBe(0);
    const run = await papergraph(["add", "b.jsonl", "--out", "out"], dir);
    expect(run.stdout).toMatch(
      /^Added 1 new paper to the 1 of out\/ \(extracted 1, reused 1 from the cache\)\nBuilt the graph of 2 papers in out\/ .*\n {2}entities: 1 method, 1 dataset, 1 task, 0 invariances\n/,
    );
  });

  it("suggested merges say how many papers name both", () => {
    expect(describeEvidence({ kind: "shared-papers", papers: 1 })).toBe("1 paper names both");
    expect(describeEvidence({ kind: "shared-papers", papers: 3 })).toBe("3 papers name both");
    expect(describeEvidence({ kind: "spelling", distance: 1 })).toBe("1 letter apart");
  });

  it("a usage error from argument parsing carries the papergraph: prefix", async () => {
    const run = await papergraph(["neighbors"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("papergraph: error: missing required argument 'concept'\n");
  });
});
