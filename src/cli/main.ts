#!/usr/bin/env node
import { prestartWorkers } from "../extract/index.js";

/** Commands that analyse papers on worker threads. */
const ANALYSING = new Set(["build", "add", "extract"]);

// An extraction thread is started before the rest of the CLI is loaded: it loads the tagger (a
// third of a second) while this thread loads the commands and reads the input.
if (ANALYSING.has(process.argv[2] ?? "")) prestartWorkers(1);
// A reader that stops early (`papergraph threads | head`) closes the pipe: that is no error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { processIO } = await import("./io.js");
const { runCli } = await import("./run.js");
process.exitCode = await runCli(process.argv.slice(2), processIO());
