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
 *
 * Past the real file: `--scale 150000,1000000 --corpus FILE` builds a real-like corpus of each size
 * (scripts/scaled.ts: the file, then copies of it naming new things, a share `--share` of their
 * names varied) and adds 1,000 more papers of it, once; `--fit 10000,25000,50000,74728` first
 * counts the distinct entities of the file's prefixes and fits Heaps' law to them, so each scaled
 * size prints what the real corpus's growth predicts beside what the build holds.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  cpSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createGunzip, createGzip, gzipSync } from "node:zlib";
import { ingestPaths } from "../src/ingest/index.js";
import { tempDir } from "../tests/helpers/cli.js";
import { DEFAULT_SHARE, heapsFit, scaledCorpus } from "./scaled.js";
import { syntheticRecords, syntheticSource } from "./synthetic.js";

const ROOT = join(import.meta.dirname, "..");
/** The installed command, compiled (`npm run bench` compiles it first). */
const BIN = join(ROOT, "bin", "papergraph.js");
const ADD_RUNS = 3;
/** Papers each `add` brings. */
const ADDED = 100;
/** Papers the one `add` of a scaled corpus brings: the figure #24 asks of the largest builds. */
const SCALED_ADDED = 1_000;
const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    corpus: { type: "string" },
    scale: { type: "string" },
    fit: { type: "string" },
    share: { type: "string", default: String(DEFAULT_SHARE) },
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
  nodesByType: Record<string, number>;
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

/** The lines of a gzipped JSON Lines file, the first `count` of them (or all). */
async function gzippedLines(path: string, count: number, all = false): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of reader) {
    if (line.trim() !== "") lines.push(line);
    if (!all && lines.length >= count) break;
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

/** Entities a build holds: its nodes that are not papers. */
function entitiesOf(report: Report): number {
  return report.nodes - (report.nodesByType.paper ?? 0);
}

/**
 * Distinct entities at each prefix of the real file, and Heaps' law fitted to them: what the
 * scaled corpus must follow. One build folder serves every prefix (its cache spares extracting a
 * paper twice); only the counts are read.
 */
function fitOnPrefixes(lines: readonly string[], prefixes: readonly number[]) {
  const dir = mkdtempSync(join(tmpdir(), "papergraph-fit-"));
  const points = prefixes.map((size) => {
    const papers = Math.min(size, lines.length);
    writeFileSync(join(dir, "prefix.jsonl"), `${lines.slice(0, papers).join("\n")}\n`);
    const report = timed(["build", "prefix.jsonl", "--out", "out"], dir);
    return { papers, entities: entitiesOf(report) };
  });
  rmSync(dir, { recursive: true, force: true });
  const fit = heapsFit(points);
  if (!values.json) {
    console.log("distinct entities of the real file's prefixes, and Heaps' law fitted to them:");
    for (const { papers, entities } of points)
      console.log(
        `  ${String(papers).padStart(7)} papers: ${entities} entities (fit ${Math.round(fit.at(papers))})`,
      );
    console.log(`  entities ≈ ${fit.k.toFixed(2)} × papers^${fit.beta.toFixed(3)}`);
  } else console.log(JSON.stringify({ fit: { k: fit.k, beta: fit.beta, points } }));
  return fit;
}

/** Writes the scaled corpus's records [from, to) as gzipped JSON Lines, streamed. */
async function writeScaled(
  path: string,
  lines: readonly string[],
  [from, to]: [number, number],
  share: number,
): Promise<void> {
  const line = scaledCorpus(lines, share);
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(path));
  for (let i = from; i < to; i++) {
    if (!gzip.write(`${line(i)}\n`)) await once(gzip, "drain");
  }
  gzip.end();
  await done;
}

/** A real-like corpus of `size` papers built, and 1,000 more added to it (one run: builds are large). */
async function runScaled(lines: readonly string[], size: number, share: number) {
  const dir = mkdtempSync(join(tmpdir(), "papergraph-scaled-"));
  process.stderr.write(`  writing ${size} real-like papers…\n`);
  await writeScaled(join(dir, "corpus.jsonl.gz"), lines, [0, size], share);
  await writeScaled(join(dir, "more.jsonl.gz"), lines, [size, size + SCALED_ADDED], share);
  const full = timed(["build", "corpus.jsonl.gz", "--out", "out"], dir);
  const added = timed(["add", "more.jsonl.gz", "--out", "out"], dir);
  rmSync(dir, { recursive: true, force: true });
  return {
    papers: size,
    seconds: full.seconds,
    totalSeconds: full.wall,
    extractPapersPerSecond: Math.round(size / (full.seconds.extract ?? 1)),
    peakRssMB: full.peakRssMB,
    nodes: full.nodes,
    entities: entitiesOf(full),
    edges: full.edges,
    addSeconds: added.wall,
    addShare: Math.round((added.wall / full.wall) * 1000) / 1000,
    addPeakRssMB: added.peakRssMB,
  };
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

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
const corpus = values.corpus ? `${values.corpus} (real abstracts)` : "synthetic corpus";
const list = (text: string | undefined) => (text ? text.split(",").map(Number) : []);
const sizes = list(values.sizes ?? (values.scale || values.fit ? "" : "1000,10000,100000"));
const scaled = list(values.scale);
const fitSizes = list(values.fit);
if ((scaled.length > 0 || fitSizes.length > 0) && !values.corpus) {
  console.error("--scale and --fit make their corpus from a real one: give it with --corpus FILE");
  process.exit(2);
}
const lines = values.corpus
  ? await gzippedLines(values.corpus, Math.max(...sizes, ...fitSizes, 0) + ADDED, scaled.length > 0)
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
const fit = lines && fitSizes.length > 1 ? fitOnPrefixes(lines, fitSizes) : undefined;
const share = Number(values.share);
for (const size of scaled) {
  const result = await runScaled(lines as string[], size, share);
  const predicted = fit ? Math.round(fit.at(size)) : undefined;
  if (values.json)
    console.log(JSON.stringify({ size, corpus, machine, share, predicted, ...result }));
  else {
    const stages = Object.entries(result.seconds)
      .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
      .join(", ");
    const vs = predicted
      ? ` (the real corpus's fit predicts ${predicted}: ${((result.entities / predicted - 1) * 100).toFixed(1)}%)`
      : "";
    console.log(
      `${String(size).padStart(7)} real-like papers (share ${share}): ${result.totalSeconds.toFixed(1)} s total, extract ${result.extractPapersPerSecond}/s, ` +
        `peak RSS ${result.peakRssMB} MB\n          ${stages}\n` +
        `          ${result.nodes} nodes, ${result.entities} entities${vs}, ${result.edges} edges\n` +
        `          add ${SCALED_ADDED} papers: ${result.addSeconds.toFixed(2)} s (${(result.addShare * 100).toFixed(1)}% of the build), peak RSS ${result.addPeakRssMB} MB`,
    );
  }
}
