import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, papergraph, tempDir } from "../helpers/cli.js";

describe("papergraph ingest", () => {
  it("prints a summary a person can read", async () => {
    const run = await papergraph(["ingest", join(FIXTURES, "ingest")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Read 9 files \(.*capture: 3.*\)$/m);
    expect(run.stdout).toMatch(/21 entries → 18 distinct papers \(3 duplicates merged\)/);
    expect(run.stdout).toMatch(/3 papers without an abstract \(kept\)/);
    expect(run.stdout).toMatch(/0 records skipped/);
  });

  it("--json prints one JSON object with the documented keys", async () => {
    const run = await papergraph(["ingest", join(FIXTURES, "ingest"), "--json"]);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      papers: 18,
      duplicates: 3,
      withoutAbstract: 3,
      skipped: 0,
      files: 9,
      entries: 21,
    });
  });

  it("--out writes one paper per line, which ingest reads back to the same papers", async () => {
    const dir = await tempDir();
    const first = await papergraph(
      ["ingest", join(FIXTURES, "ingest"), "--out", "out/papers.jsonl", "--quiet"],
      dir,
    );
    expect(first).toEqual({ code: 0, stdout: "", stderr: "" });
    const text = await readFile(join(dir, "out", "papers.jsonl"), "utf8");
    const papers = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(papers).toHaveLength(18);
    expect(papers[0]).toMatchObject({
      id: "2104.13478",
      title: expect.any(String),
      abstract: expect.any(String),
    });
    expect(await readdir(join(dir, "out"))).toEqual(["papers.jsonl"]);

    const again = await papergraph(["ingest", "out/papers.jsonl", "--json"], dir);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ papers: 18, duplicates: 0, skipped: 0 });
  });

  it("the same input gives byte-identical output", async () => {
    const dir = await tempDir();
    await papergraph(["ingest", join(FIXTURES, "ingest"), "-q", "-o", "a.jsonl"], dir);
    await papergraph(["ingest", join(FIXTURES, "ingest"), "-q", "-o", "b.jsonl"], dir);
    expect(await readFile(join(dir, "a.jsonl"), "utf8")).toBe(
      await readFile(join(dir, "b.jsonl"), "utf8"),
    );
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    const run = await papergraph(["ingest", "x", "--frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
  });
});
