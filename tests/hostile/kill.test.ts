import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EXTRACTOR_FINGERPRINT } from "../../src/extract/index.js";
import { openBuildStore, STORE_FILE } from "../../src/store/index.js";
import { CORPUS, papergraph, tempDir } from "../helpers/cli.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FILES = ["graph.json", "graph.gexf", "threads.json"];

async function snapshot(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f), "utf8")] as const)),
  );
}

/** Starts `papergraph build` from source in a child process and SIGKILLs it after `delay` ms. */
function buildAndKill(args: string[], delay: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "build", ...args],
      { cwd: ROOT, stdio: "ignore" },
    );
    const timer = setTimeout(() => child.kill("SIGKILL"), delay);
    child.on("exit", () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** How many analyses a build's store holds as another process writes it; 0 before it has any. */
function storedAnalyses(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM analyses").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    // Not yet made, or locked by the writer for a moment.
    return 0;
  }
}

describe("a build killed at any moment", () => {
  it("leaves the previous outputs intact and readable", async () => {
    const dir = await tempDir();
    const out = join(dir, "graph");
    // The previous build: the whole corpus. The interrupted one reads two captures only.
    expect((await papergraph(["build", CORPUS, "--out", out, "--quiet"])).code).toBe(0);
    const previous = await snapshot(out);
    const observed: Record<string, string>[] = [];
    for (const delay of [300, 1500, 3000, 4500, 6000]) {
      await buildAndKill(
        [
          join(CORPUS, "000_e1eb4fedbdd4ac66.txt"),
          join(CORPUS, "001_e6115a926a4a5776.txt"),
          "--out",
          out,
          "--quiet",
        ],
        delay,
      );
      const files = await snapshot(out);
      JSON.parse(files["graph.json"] as string);
      JSON.parse(files["threads.json"] as string);
      expect(files["graph.gexf"]).toMatch(/<\/gexf>\n?$/);
      observed.push(files);
    }
    // Completed, the smaller build replaces every file and leaves no temporary behind.
    expect(
      (
        await papergraph([
          "build",
          join(CORPUS, "000_e1eb4fedbdd4ac66.txt"),
          join(CORPUS, "001_e6115a926a4a5776.txt"),
          "--out",
          out,
          "--quiet",
        ])
      ).code,
    ).toBe(0);
    const next = await snapshot(out);
    for (const files of observed) {
      for (const file of FILES) expect([previous[file], next[file]]).toContain(files[file]);
    }
    // No temporary is left; the build's store survives every kill and holds the last build's papers.
    expect((await readdir(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const store = openBuildStore(join(out, STORE_FILE), EXTRACTOR_FINGERPRINT);
    expect(store.loadPapers()).toHaveLength(
      JSON.parse(next["graph.json"] as string).nodes.filter(
        (n: { attributes: { type: string } }) => n.attributes.type === "paper",
      ).length,
    );
    store.close();
  }, 180_000);

  it("a first build killed while extracting keeps what it analysed: run again, it extracts only the rest", async () => {
    const out = join(await tempDir(), "graph");
    const stored = await new Promise<number>((done) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "build", CORPUS, "-o", out, "-q"],
        { cwd: ROOT, stdio: "ignore" },
      );
      let seen = 0;
      const poll = setInterval(() => {
        seen = storedAnalyses(join(out, STORE_FILE));
        if (seen > 0) child.kill("SIGKILL");
      }, 20);
      child.on("exit", () => {
        clearInterval(poll);
        done(seen);
      });
    });
    // Killed with some papers analysed and stored, before any output was written.
    expect(stored).toBeGreaterThan(0);
    expect(existsSync(join(out, "graph.json"))).toBe(false);
    const again = await papergraph(["build", CORPUS, "-o", out, "--json"]);
    expect(again.code).toBe(0);
    const { extracted, reused, nodesByType } = JSON.parse(again.stdout);
    expect(reused).toBeGreaterThanOrEqual(stored);
    expect(extracted).toBeGreaterThan(0);
    expect(extracted + reused).toBe(nodesByType.paper);
  }, 120_000);

  it("a first build that fails says which stage failed, that nothing was written, and leaves no folder", async () => {
    const dir = await tempDir({ "bad.jsonl": '{"title": "A", "abstract": "B"}\n{oops\n' });
    const run = await papergraph(["build", "bad.jsonl", "--out", "maps/graph"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^papergraph: error: build failed in stage "ingest", nothing written: bad\.jsonl:2: malformed JSON: .+\n$/,
    );
    expect(await readdir(dir)).toEqual(["bad.jsonl"]);
  });
});
