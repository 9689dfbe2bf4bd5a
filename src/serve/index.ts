/**
 * Serve: the built viewer and one built graph over HTTP on the loopback interface. Only the
 * viewer's files, the graph's files and the answers to its gaps (GAPS_PATH) and searches
 * (SEARCH_PATH) are served; nothing else on disk is reachable.
 */
import { timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

import type { Curator } from "./curator.js";
import { gapsAnswerer } from "./gaps.js";
import { searchAnswerer } from "./search.js";

export { buildCurator, type Curator, type CuratorReply } from "./curator.js";
export { readViewerBundle, VIEWER_DIR } from "./viewer-files.js";

export interface ServeOptions {
  /** The built viewer (viewer/dist). */
  viewerDir: string;
  /** A built graph (graph.json, threads.json, graph.gexf). */
  graphDir: string;
  /** Curator mode: the map's fixes are posted here. Without it, the server only reads. */
  curator?: Curator;
}

/** The header a curator's request carries its token in. */
export const TOKEN_HEADER = "x-papergraph-token";
/** The meta element the served page carries the token in. */
export const TOKEN_META = "papergraph-token";

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

const GRAPH_FILES = new Set([
  "/graph.json",
  "/threads.json",
  "/graph.gexf",
  "/map.json",
  "/map-rest.json",
]);
/** A details shard of the build: /details/<n>.json, nothing else under details/. */
const DETAILS_FILE = /^\/details\/\d{1,6}\.json$/;

/** The file a request path names, or undefined when it names nothing we serve (or tries to leave). */
export function resolveRequest(url: string, options: ServeOptions): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  if (GRAPH_FILES.has(path) || DETAILS_FILE.test(path))
    return join(options.graphDir, path.slice(1));
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

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify(value));
}

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;
/** The largest correction a request may carry. */
const MAX_BODY = 64 * 1024;

function sameSecret(given: string, token: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a curator's request is refused, if it is: it must come from this machine, to a loopback
 * Host (no DNS rebinding), from a page of this server (its Origin), with this run's token.
 */
function refusal(request: IncomingMessage, token: string): string | undefined {
  if (!LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? "")) return "not from this machine";
  const host = request.headers.host ?? "";
  if (!LOOPBACK_HOST.test(host)) return "not addressed to a loopback host";
  if (request.headers.origin !== `http://${host}`) return "not from this server's page";
  const given = request.headers[TOKEN_HEADER];
  if (typeof given !== "string" || !sameSecret(given, token)) return "no valid token";
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error("request too large");
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** One request at a time: each appends to the file, then rebuilds from it. */
function serialized() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

async function handleCurator(
  request: IncomingMessage,
  response: ServerResponse,
  curator: Curator,
  queue: ReturnType<typeof serialized>,
): Promise<void> {
  const refused = refusal(request, curator.token);
  if (refused) return sendJson(response, 403, { error: `refused: ${refused}` });
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  try {
    if (path === "/api/corrections") {
      const record = await readBody(request);
      return sendJson(response, 200, await queue(() => curator.correct(record)));
    }
    if (path === "/api/undo") return sendJson(response, 200, await queue(() => curator.undo()));
    return sendJson(response, 404, { error: "no such action" });
  } catch (error) {
    return sendJson(response, 400, { error: (error as Error).message });
  }
}

/** index.html with this run's token in a meta element, for the page's requests to carry. */
async function pageWithToken(file: string, token: string): Promise<string> {
  const html = await readFile(file, "utf8");
  return html.replace("<head>", `<head>\n    <meta name="${TOKEN_META}" content="${token}" />`);
}

/** Where the viewer asks a served build for an entity's gaps: `?concept=ID&limit=N[&pair=TYPES]`. */
export const GAPS_PATH = "/api/gaps";

/** Where the viewer searches every node of a served build: `?q=WORDS[&limit=N]`. */
export const SEARCH_PATH = "/api/search";

export function createViewerServer(options: ServeOptions): Server {
  const queue = serialized();
  const gaps = gapsAnswerer(options.graphDir);
  const search = searchAnswerer(options.graphDir);
  return createServer(async (request, response) => {
    if (request.method === "POST" && options.curator)
      return handleCurator(request, response, options.curator, queue);
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, 405, "Method not allowed\n");
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === GAPS_PATH) {
      const answer = await gaps(url.searchParams).catch((error: Error) => ({
        status: 500 as const,
        error: error.message,
      }));
      return "report" in answer
        ? sendJson(response, 200, answer.report)
        : sendJson(response, answer.status, { error: answer.error });
    }
    if (url.pathname === SEARCH_PATH) {
      const answer = search(url.searchParams);
      return "hits" in answer
        ? sendJson(response, 200, answer.hits)
        : sendJson(response, answer.status, { error: answer.error });
    }
    const file = resolveRequest(request.url ?? "/", options);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return send(response, 404, "Not found\n");
    if (options.curator && file === join(options.viewerDir, "index.html")) {
      const page = await pageWithToken(file, options.curator.token);
      response.writeHead(200, {
        "Content-Type": TYPES[".html"] as string,
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      });
      return response.end(request.method === "HEAD" ? undefined : page);
    }
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
