import { join, resolve } from "node:path";
import { toCsv, toGexf, toGraphml, toJson } from "../export/index.js";
import { writeFileAtomic } from "../io/index.js";
import { loadGraph } from "./graph-files.js";
import { type CliIO, UserError } from "./io.js";

const FORMATS = ["gexf", "graphml", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];

export interface ExportCommandOptions {
  format: string;
  graph: string;
  out: string;
  quiet?: boolean;
}

/** `papergraph export`: the built graph in another format; CSV writes nodes.csv and edges.csv into --out. */
export async function exportCommand(options: ExportCommandOptions, io: CliIO): Promise<number> {
  if (!FORMATS.includes(options.format as Format)) {
    throw new UserError(
      `--format must be one of ${FORMATS.join(", ")}, got "${options.format}"`,
      2,
    );
  }
  const graph = await loadGraph(io, options.graph);
  const out = resolve(io.cwd, options.out);
  const format = options.format as Format;
  const written: string[] = [];
  if (format === "csv") {
    const { nodes, edges } = toCsv(graph);
    await writeFileAtomic(join(out, "nodes.csv"), nodes);
    await writeFileAtomic(join(out, "edges.csv"), edges);
    written.push(join(options.out, "nodes.csv"), join(options.out, "edges.csv"));
  } else {
    const text =
      format === "gexf" ? toGexf(graph) : format === "graphml" ? toGraphml(graph) : toJson(graph);
    await writeFileAtomic(out, text);
    written.push(options.out);
  }
  if (!options.quiet)
    io.stdout(
      `Wrote ${graph.order} nodes and ${graph.size} edges as ${format}: ${written.join(", ")}\n`,
    );
  return 0;
}
