/**
 * Pipeline benchmark (npm run bench [-- --sizes 1000,10000,100000] [--json]): a synthetic corpus
 * of each size through ingest, extract, graph, threads, layout and export, timing each stage,
 * with papers per second and peak resident memory. Each size runs in its own process so its
 * memory is its own. Prints figures; asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gexfChunks, jsonChunks } from "../src/export/index.js";
import { EXTRACTOR_FINGERPRINT, extractPapersCached } from "../src/extract/index.js";
import { buildGraph, type Positions } from "../src/graph/index.js";
import { ingestPaths, mergePapers } from "../src/ingest/index.js";
import { writeFilesAtomic } from "../src/io/index.js";
import { type BuildStore, openBuildStore } from "../src/store/index.js";
import type { Paper } from "../src/types.js";
import { tempDir } from "../tests/helpers/cli.js";
import { syntheticRecords, syntheticSource } from "./synthetic.js";

const ROOT = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    json: { type: "boolean", default: false },
    child: { type: "string" },
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
  addStages: Record<string, number>;
  peakRssMB: number;
  nodes: number;
  edges: number;
}

/** One pass of the pipeline after ingest, as `build` and `add` run it, timed stage by stage. */
async function pipeline(papers: Paper[], store: BuildStore, out: string, start?: Positions) {
  const seconds: Record<string, number> = {};
  let stage = "";
  let started = performance.now();
  const next = (name: string) => {
    if (stage) seconds[stage] = Math.round(performance.now() - started) / 1000;
    if (name) process.stderr.write(`  ${papers.length} papers: ${name}…\n`);
    stage = name;
    started = performance.now();
  };
  next("extract");
  // Not kept in a variable: the extraction can be collected once the graph is built.
  const built = buildGraph((await extractPapersCached(papers, store)).extraction, {
    onStage: next,
    layout: { start },
  });
  next("export");
  await writeFilesAtomic([
    [join(out, "graph.json"), jsonChunks(built.graph)],
    [join(out, "graph.gexf"), gexfChunks(built.graph)],
    [join(out, "threads.json"), JSON.stringify(built.threads)],
  ]);
  store.savePapers(papers);
  next("");
  return { seconds, built };
}

async function runSize(size: number): Promise<SizeResult> {
  const { papers: real } = await ingestPaths([join(ROOT, "graph", "corpus")], { cwd: ROOT });
  const source = syntheticSource(real);
  const dir = await tempDir({
    "corpus.jsonl": syntheticRecords(source, size),
    "more.jsonl": syntheticRecords(source, 100, 2).replaceAll('"synthetic-', '"more-'),
  });
  const store = openBuildStore(join(dir, "cache.sqlite"), EXTRACTOR_FINGERPRINT);
  const ingestStarted = performance.now();
  const { papers } = await ingestPaths([join(dir, "corpus.jsonl")], { cwd: dir });
  const ingest = Math.round(performance.now() - ingestStarted) / 1000;
  const full = await pipeline(papers, store, join(dir, "out"));
  const seconds: Record<string, number> = { ingest, ...full.seconds };
  const totalSeconds = Object.values(seconds).reduce((a, b) => a + b, 0);

  // `papergraph add`: 100 new papers into the build just made.
  const addStarted = performance.now();
  const { papers: more } = await ingestPaths([join(dir, "more.jsonl")], { cwd: dir });
  const positions = new Map(
    full.built.graph.mapNodes((node, a) => [node, { x: a.x, y: a.y }] as const),
  );
  const added = await pipeline(
    mergePapers([...store.loadPapers(), ...more]).papers,
    store,
    join(dir, "out"),
    positions,
  );
  const addSeconds = Math.round(performance.now() - addStarted) / 1000;
  store.close();
  return {
    papers: papers.length,
    seconds,
    totalSeconds: Math.round(totalSeconds * 100) / 100,
    papersPerSecond: Math.round(papers.length / totalSeconds),
    extractPapersPerSecond: Math.round(papers.length / (seconds.extract ?? 1)),
    addSeconds,
    addShare: Math.round((addSeconds / totalSeconds) * 1000) / 1000,
    addStages: added.seconds,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    nodes: full.built.graph.order,
    edges: full.built.graph.size,
  };
}

if (values.child) {
  console.log(JSON.stringify(await runSize(Number(values.child))));
} else {
  const sizes = values.sizes.split(",").map(Number);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
  if (!values.json) console.log(`pipeline benchmark on ${machine}`);
  for (const size of sizes) {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts", "bench.ts"), "--child", String(size)],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    const result = JSON.parse(output.trim().split("\n").at(-1) as string) as SizeResult;
    if (values.json) console.log(JSON.stringify({ size, machine, ...result }));
    else {
      const stages = Object.entries(result.seconds)
        .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
        .join(", ");
      console.log(
        `${String(size).padStart(7)} papers: ${result.totalSeconds.toFixed(1)} s total (${result.papersPerSecond}/s; extract ${result.extractPapersPerSecond}/s), ` +
          `peak RSS ${result.peakRssMB} MB, ${result.nodes} nodes, ${result.edges} edges\n          ${stages}\n` +
          `          add 100 papers: ${result.addSeconds.toFixed(2)} s (${(result.addShare * 100).toFixed(1)}% of the full build): ` +
          Object.entries(result.addStages)
            .map(([s, t]) => `${s} ${t.toFixed(2)}s`)
            .join(", "),
      );
    }
  }
}
