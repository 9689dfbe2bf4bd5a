import { Command, CommanderError } from "commander";
import { PapergraphError } from "../errors.js";
import { DEFAULT_CORPUS, DEFAULTS } from "../options.js";
import { DEFAULT_GAPS, DEFAULT_TRENDS, PAIR_TYPE_NAMES } from "../time/index.js";
import { addCommand, buildCommand, rebuildCommand } from "./build.js";
import { suggestMergesCommand } from "./curate.js";
import { evalCommand } from "./eval.js";
import { exportCommand } from "./export.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import type { CliIO } from "./io.js";
import { neighborsCommand, statsCommand, threadsCommand } from "./query.js";
import { serveCommand } from "./serve.js";
import { gapsCommand, trendsCommand } from "./time.js";

const VERSION = "0.1.0";

/** The options that bound what one input may hold, shared by the commands that read papers. */
function withLimits(command: Command): Command {
  return command
    .option(
      "--max-file-size <MB>",
      "refuse input files larger than this, in megabytes (default 2048; files read whole, all but JSON Lines, CSV and TSV, stop at 512)",
    )
    .option(
      "--max-abstract-length <chars>",
      "refuse records with a longer abstract (default 100000)",
    );
}

/** The options naming the corrections a build applies. */
function withCorrections(command: Command): Command {
  return command
    .option(
      "--corrections <file>",
      "corrections to apply (JSON Lines; default: papergraph-corrections.jsonl beside the corpus, or the one the build used)",
    )
    .option("--thesaurus <file>", "a VOSviewer thesaurus (label<TAB>replace by) to apply");
}

/** The --workers option of the commands that extract and lay out. */
function withWorkers(command: Command): Command {
  return command.option(
    "-w, --workers <n>",
    "extraction and layout threads (default: one per core)",
  );
}

/** The command tree; each action reports its exit code through `done`. */
function buildProgram(io: CliIO, done: (exitCode: number) => void): Command {
  const program = new Command("papergraph")
    .description("Map a research field from its paper abstracts into a knowledge graph.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Commander's own usage errors read as every other error does.
      outputError: (message, write) => write(`papergraph: ${message}`),
    });

  withLimits(program.command("ingest"))
    .description("read papers from captures, JSON Lines, JSON, CSV/TSV, BibTeX or arXiv Atom files")
    .argument("<paths...>", "files, directories (read recursively) or glob patterns")
    .option("-o, --out <file>", "write the distinct papers as JSON Lines")
    .option("--json", "print the summary as one JSON object")
    .option("--skip-bad", "skip bad records and files with a warning instead of stopping")
    .option("-q, --quiet", "print nothing but warnings and errors")
    .action(async (paths: string[], options) => {
      done(await ingestCommand(paths, options, io));
    });

  withCorrections(withWorkers(withLimits(program.command("build"))))
    .description("build the knowledge graph: graph.json (viewer), graph.gexf (Gephi), threads.json")
    .argument(
      "[paths...]",
      `files, directories or glob patterns to ingest (default: ${DEFAULT_CORPUS}; with --analyses, the papers the analyses hold)`,
    )
    .option("-o, --out <dir>", "output directory", DEFAULTS.out)
    .option("--no-cache", "extract every paper again instead of reusing the build's cache")
    .option(
      "--analyses <path>",
      "analysis files, or folders of them, from `extract --shard` (repeat for more): used, not extracted again",
      (path: string, paths: string[]) => [...paths, path],
      [] as string[],
    )
    .option("--no-extract", "refuse to build if a paper has no analysis rather than extract it")
    .option(
      "-r, --resolution <number>",
      "Louvain resolution: above 1 gives more, smaller threads",
      String(DEFAULTS.resolution),
    )
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (paths: string[], options) => {
      done(await buildCommand(paths, options, io));
    });

  withCorrections(withWorkers(withLimits(program.command("add"))))
    .description("add papers to an existing build: only they are extracted, the graph is rebuilt")
    .argument("<paths...>", "files, directories or glob patterns to ingest")
    .option("-o, --out <dir>", "the build to add to", DEFAULTS.out)
    .option("-r, --resolution <number>", "Louvain resolution", String(DEFAULTS.resolution))
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (paths: string[], options) => {
      done(await addCommand(paths, options, io));
    });

  withCorrections(program.command("rebuild"))
    .description(
      "build the graph again from a build's papers with the corrections as they now are: nothing extracted, the map kept",
    )
    .option("-o, --out <dir>", "the build to rebuild", DEFAULTS.out)
    .option("-r, --resolution <number>", "Louvain resolution", String(DEFAULTS.resolution))
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (options) => {
      done(await rebuildCommand(options, io));
    });

  program
    .command("suggest-merges")
    .description("likely duplicate entities, strongest first, with the evidence for each")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("-l, --limit <n>", "at most this many", "20")
    .option("--accept", "append them to the corrections file as merges, and rebuild")
    .option("--corrections <file>", "the corrections file --accept appends to")
    .option("--json", "print one JSON object")
    .action(async (options) => {
      done(await suggestMergesCommand(options, io));
    });

  withWorkers(withLimits(program.command("extract")))
    .description("extract methods, datasets, tasks and invariances from every paper")
    .argument("<paths...>", "files, directories or glob patterns to ingest")
    .option(
      "-o, --out <path>",
      "write each paper with its mentions as JSON Lines (with --shard: the folder of analysis files)",
    )
    .option(
      "--shard <i/N>",
      "extract only shard i of N (a hash of each paper's id) into --out, for `build --analyses`",
    )
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (paths: string[], options) => {
      done(await extractCommand(paths, options, io));
    });

  program
    .command("eval")
    .description(
      "score extraction against gold annotations (precision, recall, F1 per type), or a build's merges against judged pairs",
    )
    .option("--gold <file>", "gold annotations, JSON Lines as in the annotation guidelines")
    .option(
      "--merges <file>",
      'judged pairs of names, JSON Lines of {"a", "b", "same"}: how many the build keeps apart and together',
    )
    .option("-g, --graph <dir>", "the build whose merges --merges judges", DEFAULTS.out)
    .option("--corpus <paths...>", "where the gold papers' abstracts are found", [DEFAULT_CORPUS])
    .option("--json", "print the scores as one JSON object")
    .option("--errors", "list, per paper, what was missed and what was found wrongly")
    .option("--by-paper", "each paper's F1, worst first (with --errors, its errors beneath)")
    .option("--types <types...>", "score only these types (method, dataset, task, invariance)")
    .option("-q, --quiet", "no progress")
    .action(async (options) => {
      done(await evalCommand(options, io));
    });

  program
    .command("export")
    .description(
      "write the built graph as GEXF, GraphML, JSON, CSV (nodes.csv and edges.csv) or one HTML page",
    )
    .requiredOption("-f, --format <format>", "gexf, graphml, json, csv or html")
    .requiredOption("-o, --out <path>", "output file (a directory for csv)")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("-q, --quiet", "print nothing but errors")
    .action(async (options) => {
      done(await exportCommand(options, io));
    });

  program
    .command("serve")
    .description("serve the viewer and a built graph on 127.0.0.1")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("-p, --port <n>", "port (0 picks a free one)", "5173")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--open", "open the viewer in a browser")
    .option(
      "--from <paths...>",
      "build the graph from these inputs first when it is missing or older than them",
    )
    .option("--corrections <file>", "the corrections file curator mode appends to")
    .action(async (options) => {
      done(await serveCommand(options, io));
    });

  program
    .command("neighbors")
    .description(
      "neighbours of a concept, grouped by type, strongest first, with the papers behind each link",
    )
    .argument(
      "<concept>",
      'a name, alias, acronym or close spelling, or exactly "type:name" (invariance:rotation)',
    )
    .option(
      "-t, --type <type>",
      "keep only neighbours of this type (paper, method, dataset, task, invariance)",
    )
    .option("-d, --depth <n>", "how many hops away", "1")
    .option("-l, --limit <n>", "at most this many neighbours per type", "20")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("--json", "print one JSON object")
    .action(async (concept: string, options) => {
      done(await neighborsCommand(concept, options, io));
    });

  program
    .command("threads")
    .description("the research threads: labels, sizes, top entities and papers")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("--json", "print one JSON object")
    .action(async (options) => {
      done(await threadsCommand(options, io));
    });

  program
    .command("trends")
    .description(
      "what is rising (a burst of papers), new (first named lately) and fading, entities and threads, with papers month by month",
    )
    .option("--since <month>", "the first of the recent months (YYYY-MM; default: the last 6)")
    .option("-t, --type <type>", "only this type (method, dataset, task, invariance) or thread")
    .option("-l, --limit <n>", "at most this many in each list", String(DEFAULT_TRENDS.limit))
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option("--json", "print one JSON object")
    .action(async (options) => {
      done(await trendsCommand(options, io));
    });

  program
    .command("gaps")
    .description(
      "pairs of entities no paper names together yet that the graph says will meet, with the evidence; --backtest measures the scorer on the corpus's past",
    )
    .argument(
      "[concept]",
      "only this concept's likeliest new partners (a name, alias or type:name)",
    )
    .option("--pair <types...>", `only these pairs of types (${PAIR_TYPE_NAMES.join(", ")})`)
    .option("-l, --limit <n>", "at most this many", String(DEFAULT_GAPS.limit))
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option(
      "--backtest",
      "score every candidate pair of the papers before --cutoff against the pairs later papers name together",
    )
    .option("--cutoff <day>", "the backtest's cutoff (YYYY-MM-DD)")
    .option("-q, --quiet", "no progress")
    .option("--json", "print one JSON object")
    .action(async (concept: string | undefined, options) => {
      done(await gapsCommand(concept, options, io));
    });

  program
    .command("stats")
    .description("counts by type, threads, modularity and density of the built graph")
    .option("-g, --graph <dir>", "the built graph", DEFAULTS.out)
    .option(
      "--layout",
      "also how well the map shows the graph: silhouette of threads, neighbour preservation",
    )
    .option("--json", "print one JSON object")
    .action(async (options) => {
      done(await statsCommand(options, io));
    });

  return program;
}

/**
 * Runs the CLI on arguments (without "node" and the script) and returns the exit code:
 * 0 success, 1 bad input or failed work, 2 bad usage.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof PapergraphError) {
      io.stderr(`papergraph: error: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
