import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { inputFiles } from "../ingest/index.js";
import { createViewerServer } from "../serve/index.js";
import { buildCommand } from "./build.js";
import { type CliIO, UserError } from "./io.js";
import { VIEWER_DIR } from "./viewer-files.js";

export interface ServeCommandOptions {
  graph: string;
  port: string;
  host: string;
  open?: boolean;
  /** Build the graph from these inputs first when it is missing or older than any of them. */
  from?: string[];
}

async function mtime(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.mtimeMs;
}

/** True when graph.json is missing or older than any input file. */
async function isStale(graphDir: string, inputs: string[], cwd: string): Promise<boolean> {
  const built = await mtime(join(graphDir, "graph.json"));
  if (built === undefined) return true;
  for (const file of await inputFiles(inputs, cwd))
    if (((await mtime(file)) ?? 0) > built) return true;
  return false;
}

function openBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
}

/** `papergraph serve`: the viewer and a built graph on 127.0.0.1 until interrupted. */
export async function serveCommand(options: ServeCommandOptions, io: CliIO): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be 0 to 65535, got "${options.port}"`, 2);
  const graphDir = resolve(io.cwd, options.graph);
  if (options.from && (await isStale(graphDir, options.from, io.cwd))) {
    io.stdout(`The graph in ${options.graph}/ is missing or older than its inputs: building it.\n`);
    await buildCommand(options.from, { out: options.graph, resolution: "1" }, io);
  }
  if ((await mtime(join(VIEWER_DIR, "index.html"))) === undefined)
    throw new UserError(`the viewer is not built (${VIEWER_DIR}); run "npm run build"`);
  if ((await mtime(join(graphDir, "graph.json"))) === undefined) {
    throw new UserError(
      `${options.graph}/graph.json: no built graph here; run "papergraph build --out ${options.graph}" first`,
    );
  }
  const server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        new UserError(`cannot listen on ${options.host}:${port}: ${error.code ?? error.message}`),
      ),
    );
    server.listen(port, options.host, done);
  });
  const url = `http://${options.host}:${(server.address() as AddressInfo).port}/`;
  io.stdout(`Serving the graph in ${options.graph}/ at ${url}  (Ctrl+C to stop)\n`);
  if (options.open) openBrowser(url);
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
