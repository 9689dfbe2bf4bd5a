/**
 * Pipeline benchmark (npm run bench [-- --sizes 1000,10000,100000] [--corpus FILE.jsonl.gz]
 * [--json]): `papergraph build` on a corpus of each size, then `papergraph add` of 100 more papers
 * (median of three runs, each on a copy of the build), then `papergraph rebuild` with a changed
 * corrections file (the 20 strongest suggested merges). With --corpus, the corpus is the first
 * papers of that gzipped JSON Lines file (real abstracts, as a user brings them; the build reads
 * them gzipped) and the 100 added are the papers after them: a size the file cannot hold with 100
 * to spare is cut to what it can. Without it, the corpus is made of the shipped corpus's sentences
 * recombined (scripts/synthetic.ts), at any size. Every command runs in a fresh process of the
 * compiled CLI, as a user runs it, start-up included. Reports each stage's time (ingest, extract,
 * graph, threads, layout, export), papers per second and peak resident memory. Prints figures;
 * asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { cpSync, createReadStream, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";
import { ingestPaths } from "../src/ingest/index.js";
import { tempDir } from "../tests/helpers/cli.js";
import { syntheticRecords, syntheticSource } from "./synthetic.js";

const ROOT = join(import.meta.dirname, "..");
/** The installed command, compiled (`npm run bench` compiles it first). */
const BIN = join(ROOT, "bin", "papergraph.js");
const ADD_RUNS = 3;
/** Papers each `add` brings. */
const ADDED = 100;
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    corpus: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

interface SizeResult {
  papers: number;
  seconds: Record<string, number>;
  totalSeconds: number;
  papersPerSecond: number;
  extractPapersPerSecond: number;
  /** Adding 100 papers to the build: seconds, and as a share of the full build. */
  addSeconds: number;
  addShare: number;
  /** Every add run, in order. */
  addRuns: number[];
  addStages: Record<string, number>;
  /** The map's silhouette of threads and neighbour preservation (`papergraph stats --layout`). */
  silhouette: number;
  preservation: number;
  /** `rebuild` with a changed corrections file (the strongest suggested merges): seconds, share. */
  rebuildSeconds: number;
  rebuildShare: number;
  rebuildStages: Record<string, number>;
  corrections: number;
  /** The most any one command (build, add or rebuild) held. */
  peakRssMB: number;
  nodes: number;
  edges: number;
}

interface Report {
  nodes: number;
  edges: number;
  seconds: Record<string, number>;
  peakRssMB: number;
}

/** A papergraph command in its own process, as a user would type it: its --json report and wall time. */
function timed(argv: string[], cwd: string): Report & { wall: number } {
  process.stderr.write(`  papergraph ${argv.join(" ")}…\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...argv, "--json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const wall = Math.round(performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`papergraph ${argv.join(" ")} failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout.trim().split("\n").at(-1) as string) as Report;
  return { ...report, wall };
}

/** The lines of a gzipped JSON Lines file, the first `count` of them. */
async function gzippedLines(path: string, count: number): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of reader) {
    if (line.trim() !== "") lines.push(line);
    if (lines.length >= count) break;
  }
  reader.close();
  return lines;
}

/** Input files for one size: the corpus to build and the 100 papers to add. */
type Inputs = { files: Record<string, string | Uint8Array>; corpus: string; papers: number };

/** The first papers of a real corpus, gzipped as it came, and the 100 after them. */
function realInputs(lines: readonly string[], size: number): Inputs {
  const papers = Math.min(size, lines.length - ADDED);
  const text = (from: number, to: number) => `${lines.slice(from, to).join("\n")}\n`;
  const files = {
    "corpus.jsonl.gz": gzipSync(text(0, papers)),
    "more.jsonl": text(papers, papers + ADDED),
  };
  return { files, corpus: "corpus.jsonl.gz", papers };
}

/** A corpus of any size, the shipped corpus's sentences recombined. */
async function syntheticInputs(size: number): Promise<Inputs> {
  const { papers: real } = await ingestPaths([join(ROOT, "graph", "corpus")], { cwd: ROOT });
  const source = syntheticSource(real);
  const files = {
    "corpus.jsonl": syntheticRecords(source, size),
    "more.jsonl": syntheticRecords(source, ADDED, 2).replaceAll('"synthetic-', '"more-'),
  };
  return { files, corpus: "corpus.jsonl", papers: size };
}

async function runSize(inputs: Inputs): Promise<SizeResult> {
  const size = inputs.papers;
  const dir = await tempDir(inputs.files);
  const full = timed(["build", inputs.corpus, "--out", "out"], dir);
  // `papergraph add`: 100 new papers into a copy of the build just made, ADD_RUNS times; the
  // median run is reported, as one run of a few seconds moves with whatever else the machine does.
  const adds: ReturnType<typeof timed>[] = [];
  for (let run = 0; run < ADD_RUNS; run++) {
    cpSync(join(dir, "out"), join(dir, `add-${run}`), { recursive: true });
    adds.push(timed(["add", "more.jsonl", "--out", `add-${run}`], dir));
  }
  // How well the map shows the graph: threads as regions, linked nodes near.
  const stats = spawnSync(
    process.execPath,
    [BIN, "stats", "--graph", "out", "--layout", "--json"],
    {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  const { layout } = JSON.parse(stats.stdout) as {
    layout: { silhouette: number; preservation: number };
  };
  // A changed corrections file: the 20 strongest suggested merges, applied by `rebuild`.
  const suggested = spawnSync(
    process.execPath,
    [BIN, "suggest-merges", "--graph", "out", "--limit", "20", "--json"],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const { suggestions } = JSON.parse(suggested.stdout) as {
    suggestions: { entity: { id: string }; into: { id: string } }[];
  };
  const fixes = suggestions.map((s) =>
    JSON.stringify({ action: "merge", entity: s.entity.id, into: s.into.id }),
  );
  writeFileSync(join(dir, "fixes.jsonl"), `${fixes.join("\n")}\n`);
  const rebuilt = timed(["rebuild", "--out", "out", "--corrections", "fixes.jsonl"], dir);
  rmSync(dir, { recursive: true, force: true });
  const addRuns = adds.map((a) => a.wall);
  const added = [...adds].sort((a, b) => a.wall - b.wall)[
    Math.floor(ADD_RUNS / 2)
  ] as (typeof adds)[number];
  return {
    papers: size,
    seconds: full.seconds,
    totalSeconds: full.wall,
    papersPerSecond: Math.round(size / full.wall),
    extractPapersPerSecond: Math.round(size / (full.seconds.extract ?? 1)),
    addSeconds: added.wall,
    addShare: Math.round((added.wall / full.wall) * 1000) / 1000,
    addRuns,
    addStages: added.seconds,
    silhouette: layout.silhouette,
    preservation: layout.preservation,
    rebuildSeconds: rebuilt.wall,
    rebuildShare: Math.round((rebuilt.wall / full.wall) * 1000) / 1000,
    rebuildStages: rebuilt.seconds,
    corrections: fixes.length,
    peakRssMB: Math.max(full.peakRssMB, rebuilt.peakRssMB, ...adds.map((a) => a.peakRssMB)),
    nodes: full.nodes,
    edges: full.edges,
  };
}

const sizes = values.sizes.split(",").map(Number);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
const corpus = values.corpus ? `${values.corpus} (real abstracts)` : "synthetic corpus";
const lines = values.corpus
  ? await gzippedLines(values.corpus, Math.max(...sizes) + ADDED)
  : undefined;
if (!values.json) console.log(`pipeline benchmark on ${machine}, ${corpus}`);
for (const requested of sizes) {
  const inputs = lines ? realInputs(lines, requested) : await syntheticInputs(requested);
  const result = await runSize(inputs);
  const size = result.papers;
  if (values.json) console.log(JSON.stringify({ size, corpus, machine, ...result }));
  else {
    const stages = Object.entries(result.seconds)
      .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
      .join(", ");
    console.log(
      `${String(size).padStart(7)} papers: ${result.totalSeconds.toFixed(1)} s total (${result.papersPerSecond}/s; extract ${result.extractPapersPerSecond}/s), ` +
        `peak RSS ${result.peakRssMB} MB, ${result.nodes} nodes, ${result.edges} edges\n          ${stages}\n` +
        `          layout: silhouette of threads ${result.silhouette.toFixed(3)}, neighbour preservation ${result.preservation.toFixed(3)}\n` +
        `          add 100 papers: ${result.addSeconds.toFixed(2)} s (${(result.addShare * 100).toFixed(1)}% of the full build; runs ${result.addRuns.map((t) => t.toFixed(2)).join(", ")} s): ` +
        Object.entries(result.addStages)
          .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
          .join(", ") +
        `\n          rebuild with ${result.corrections} changed corrections: ${result.rebuildSeconds.toFixed(2)} s (${(result.rebuildShare * 100).toFixed(1)}% of the full build): ` +
        Object.entries(result.rebuildStages)
          .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
          .join(", "),
    );
  }
}
