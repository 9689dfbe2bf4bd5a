/**
 * Serve: the built viewer and one built graph over HTTP on the loopback interface. Only the
 * viewer's files and the graph's three files are served; nothing else on disk is reachable.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

export { readViewerBundle, VIEWER_DIR } from "./viewer-files.js";

export interface ServeOptions {
  /** The built viewer (viewer/dist). */
  viewerDir: string;
  /** A built graph (graph.json, threads.json, graph.gexf). */
  graphDir: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".gexf": "application/gexf+xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** What the viewer needs and nothing more: its own scripts and styles, data from this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const GRAPH_FILES = new Set(["/graph.json", "/threads.json", "/graph.gexf"]);

/** The file a request path names, or undefined when it names nothing we serve (or tries to leave). */
export function resolveRequest(url: string, options: ServeOptions): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  if (GRAPH_FILES.has(path)) return join(options.graphDir, path.slice(1));
  const relative = normalize(path === "/" ? "index.html" : path.slice(1));
  if (relative.startsWith("..") || relative.split(sep).includes("..") || relative.startsWith(sep))
    return undefined;
  return join(options.viewerDir, relative);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  });
  response.end(text);
}

export function createViewerServer(options: ServeOptions): Server {
  return createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, 405, "Method not allowed\n");
    const file = resolveRequest(request.url ?? "/", options);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return send(response, 404, "Not found\n");
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(file).pipe(response);
  });
}
