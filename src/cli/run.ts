import { Command, CommanderError } from "commander";
import { IngestError } from "../ingest/index.js";
import { evalCommand } from "./eval.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import { type CliIO, UserError } from "./io.js";

const VERSION = "0.1.0";

/** The command tree; each action reports its exit code through `done`. */
function buildProgram(io: CliIO, done: (exitCode: number) => void): Command {
  const program = new Command("papergraph")
    .description("Map a research field from its paper abstracts into a knowledge graph.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("ingest")
    .description("read papers from captures, JSON Lines, JSON, CSV/TSV, BibTeX or arXiv Atom files")
    .argument("<paths...>", "files, directories (read recursively) or glob patterns")
    .option("-o, --out <file>", "write the distinct papers as JSON Lines")
    .option("--json", "print the summary as one JSON object")
    .option("--skip-bad", "skip bad records and files with a warning instead of stopping")
    .option("-q, --quiet", "print nothing but warnings and errors")
    .action(async (paths: string[], options) => {
      done(await ingestCommand(paths, options, io));
    });

  program
    .command("extract")
    .description("extract methods, datasets, tasks and invariances from every paper")
    .argument("<paths...>", "files, directories or glob patterns to ingest")
    .option("-o, --out <file>", "write each paper with its mentions as JSON Lines")
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (paths: string[], options) => {
      done(await extractCommand(paths, options, io));
    });

  program
    .command("eval")
    .description("score extraction against gold annotations (precision, recall, F1 per type)")
    .requiredOption("--gold <file>", "gold annotations, JSON Lines as in the annotation guidelines")
    .option("--corpus <paths...>", "where the gold papers' abstracts are found", ["graph/corpus"])
    .option("--json", "print the scores as one JSON object")
    .option("--errors", "list, per paper, what was missed and what was found wrongly")
    .option("-q, --quiet", "no progress")
    .action(async (options) => {
      done(await evalCommand(options, io));
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
    if (error instanceof IngestError || error instanceof UserError) {
      io.stderr(`papergraph: error: ${error.message}\n`);
      return error instanceof UserError ? error.exitCode : 1;
    }
    throw error;
  }
}
