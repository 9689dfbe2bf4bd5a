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
import { toGexf, toJson } from "../src/export/index.js";
import { extractPapersParallel } from "../src/extract/index.js";
import { buildGraph } from "../src/graph/index.js";
import { ingestPaths } from "../src/ingest/index.js";
import { writeFilesAtomic } from "../src/io/index.js";
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
  peakRssMB: number;
  nodes: number;
  edges: number;
}

async function runSize(size: number): Promise<SizeResult> {
  const { papers: real } = await ingestPaths([join(ROOT, "graph", "corpus")], { cwd: ROOT });
  const dir = await tempDir({ "corpus.jsonl": syntheticRecords(syntheticSource(real), size) });
  const seconds: Record<string, number> = {};
  let stage = "";
  let started = performance.now();
  const start = (next: string) => {
    if (stage) seconds[stage] = Math.round(performance.now() - started) / 1000;
    stage = next;
    started = performance.now();
  };
  start("ingest");
  const { papers } = await ingestPaths([join(dir, "corpus.jsonl")], { cwd: dir });
  start("extract");
  const extraction = await extractPapersParallel(papers);
  const built = buildGraph(extraction, { onStage: start });
  start("export");
  await writeFilesAtomic([
    [join(dir, "out", "graph.json"), toJson(built.graph)],
    [join(dir, "out", "graph.gexf"), toGexf(built.graph)],
    [join(dir, "out", "threads.json"), JSON.stringify(built.threads)],
  ]);
  start("");
  const totalSeconds = Object.values(seconds).reduce((a, b) => a + b, 0);
  return {
    papers: papers.length,
    seconds,
    totalSeconds: Math.round(totalSeconds * 100) / 100,
    papersPerSecond: Math.round(papers.length / totalSeconds),
    extractPapersPerSecond: Math.round(papers.length / (seconds.extract ?? 1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    nodes: built.graph.order,
    edges: built.graph.size,
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
          `peak RSS ${result.peakRssMB} MB, ${result.nodes} nodes, ${result.edges} edges\n          ${stages}`,
      );
    }
  }
}
