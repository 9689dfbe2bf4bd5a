import { join, resolve } from "node:path";
import { loadGraph, loadThreads } from "../build-folder.js";
import { UsageError } from "../errors.js";
import {
  gexfChunks,
  gexfTable,
  graphmlChunks,
  jsonChunks,
  toCsv,
  toHtml,
} from "../export/index.js";
import { type FileData, writeFileAtomic } from "../io/index.js";
import { readViewerBundle } from "../serve/index.js";
import { type CliIO, count } from "./io.js";

const FORMATS = ["gexf", "graphml", "json", "csv", "html"] as const;
type Format = (typeof FORMATS)[number];

export interface ExportCommandOptions {
  format: string;
  graph: string;
  out: string;
  quiet?: boolean;
}

/**
 * `papergraph export`: the built graph in another format; CSV writes nodes.csv and edges.csv into
 * --out, HTML one self-contained viewer page.
 */
export async function exportCommand(options: ExportCommandOptions, io: CliIO): Promise<number> {
  if (!FORMATS.includes(options.format as Format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${options.format}"`);
  }
  const graph = await loadGraph(options.graph, io.cwd);
  const format = options.format as Format;
  const files: [path: string, data: FileData][] = [];
  if (format === "csv") {
    const { nodes, edges } = toCsv(graph);
    files.push([join(options.out, "nodes.csv"), nodes], [join(options.out, "edges.csv"), edges]);
  } else if (format === "html") {
    files.push([
      options.out,
      toHtml(graph, await loadThreads(options.graph, io.cwd), await readViewerBundle()),
    ]);
  } else {
    files.push([
      options.out,
      format === "gexf"
        ? gexfChunks(gexfTable(graph))
        : format === "graphml"
          ? graphmlChunks(graph)
          : jsonChunks(graph),
    ]);
  }
  for (const [path, data] of files) await writeFileAtomic(resolve(io.cwd, path), data);
  if (!options.quiet) {
    io.stdout(
      `Wrote ${count(graph.order, "node")} and ${count(graph.size, "edge")} as ${format}: ${files.map(([path]) => path).join(", ")}\n`,
    );
  }
  return 0;
}
