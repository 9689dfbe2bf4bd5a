import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { GRAPH_FILE, isBuildStale } from "../build-folder.js";
import { NoBuildError, PapergraphError, UsageError } from "../errors.js";
import { DEFAULTS } from "../options.js";
import { buildCurator, createViewerServer, VIEWER_DIR } from "../serve/index.js";
import { STORE_FILE } from "../store/index.js";
import { buildCommand } from "./build.js";
import type { CliIO } from "./io.js";

export interface ServeCommandOptions {
  graph: string;
  port: string;
  host: string;
  open?: boolean;
  /** Build the graph from these inputs first when it is missing or older than any of them. */
  from?: string[];
  /** The corrections file curator mode appends to. */
  corrections?: string;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
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
    throw new UsageError(`--port must be 0 to 65535, got "${options.port}"`);
  const graphDir = resolve(io.cwd, options.graph);
  if (options.from && (await isBuildStale(options.graph, options.from, io.cwd))) {
    io.stdout(`The graph in ${options.graph}/ is missing or older than its inputs: building it.\n`);
    const resolution = String(DEFAULTS.resolution);
    const { corrections } = options;
    await buildCommand(options.from, { out: options.graph, resolution, corrections }, io);
  }
  if (!(await exists(join(VIEWER_DIR, "index.html"))))
    throw new PapergraphError(`the viewer is not built (${VIEWER_DIR}); run "npm run build"`);
  if (!(await exists(join(graphDir, GRAPH_FILE))))
    throw new NoBuildError(options.graph, `${GRAPH_FILE}: no built graph here`);
  // Curator mode needs the build's store, to rebuild without extracting.
  const curator = (await exists(join(graphDir, STORE_FILE)))
    ? buildCurator({ out: options.graph, cwd: io.cwd, corrections: options.corrections })
    : undefined;
  const server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir, curator });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        new PapergraphError(
          `cannot listen on ${options.host}:${port}: ${error.code ?? error.message}`,
        ),
      ),
    );
    server.listen(port, options.host, done);
  });
  const url = `http://${options.host}:${(server.address() as AddressInfo).port}/`;
  io.stdout(`Serving the graph in ${options.graph}/ at ${url}  (Ctrl+C to stop)\n`);
  if (curator)
    io.stdout("  Curate from the map: fixes are appended to the build's corrections file.\n");
  if (options.open) openBrowser(url);
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
