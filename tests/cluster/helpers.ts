import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { FIXTURES, papergraph, tempDir } from "../helpers/cli.js";

/** The command that runs this checkout's papergraph from another process (a cluster's task). */
export const PAPERGRAPH_BIN = join(import.meta.dirname, "..", "..", "bin", "papergraph.js");

/** The files of a build a reader opens: a sharded build must match a one-machine build in each. */
const BUILD_FILES = ["graph.json", "threads.json", "graph.gexf", "map.json"];

/** A folder holding `corpus.jsonl`: the first `papers` real arXiv abstracts of the fixture. */
export async function corpusDir(papers: number): Promise<string> {
  const lines = (await readFile(join(FIXTURES, "arxiv", "excerpt.jsonl"), "utf8")).split("\n");
  const dir = await tempDir();
  await writeFile(join(dir, "corpus.jsonl"), `${lines.slice(0, papers).join("\n")}\n`);
  return dir;
}

/** Builds corpus.jsonl in one process into `one/`, and checks that `built/` is byte-identical. */
export async function expectSameAsOneMachine(dir: string, built: string): Promise<void> {
  const one = await papergraph(["build", "corpus.jsonl", "--out", "one", "-q"], dir);
  expect(one.stderr).toBe("");
  for (const file of BUILD_FILES) {
    const [a, b] = await Promise.all([
      readFile(join(dir, built, file)),
      readFile(join(dir, "one", file)),
    ]);
    expect(a.equals(b), `${built}/${file} differs from the one-machine build's`).toBe(true);
  }
}
