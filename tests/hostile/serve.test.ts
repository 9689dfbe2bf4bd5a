import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createViewerServer, resolveRequest } from "../../src/serve/index.js";
import { tempDir } from "../helpers/cli.js";
import { smallGraphDir } from "../helpers/graph.js";

/** A raw GET: the path is sent as written, so "../" reaches the server unnormalised. */
function get(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the viewer's server", () => {
  let server: Server;
  let port: number;
  let viewerDir: string;

  beforeAll(async () => {
    viewerDir = await tempDir({ "index.html": "<!doctype html><title>viewer</title>" });
    server = createViewerServer({ viewerDir, graphDir: await smallGraphDir() });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("serves the viewer and the graph with a Content-Security-Policy", async () => {
    const page = await get(port, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>viewer</title>");
    expect(page.headers["content-security-policy"]).toMatch(
      /default-src 'self'; script-src 'self'/,
    );
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const graph = await get(port, "/graph.json");
    expect(JSON.parse(graph.body).nodes.length).toBeGreaterThan(5);
  });

  it("serves nothing outside its own files, however the path is written", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/..%2f..%2fpackage.json",
      "/assets/../../graph/corpus/000_e1eb4fedbdd4ac66.txt",
      "/%2e%2e%5c%2e%2e%5cpackage.json",
      "//etc/passwd",
      "/graph.json%00.html",
      "/threads.json/../../secret",
    ]) {
      const response = await get(port, path);
      expect(response.status, path).toBe(404);
      expect(response.headers["content-security-policy"]).toBeDefined();
    }
    expect(resolveRequest("/..%2fx", { viewerDir, graphDir: "/g" })).toBeUndefined();
    expect(resolveRequest("/../x", { viewerDir, graphDir: "/g" })).toBe(join(viewerDir, "x"));
    expect(resolveRequest("/assets/viewer.js", { viewerDir, graphDir: "/g" })).toBe(
      join(viewerDir, "assets", "viewer.js"),
    );
  });

  it("refuses other methods", async () => {
    const response = await new Promise<number>((done) => {
      const req = request({ host: "127.0.0.1", port, path: "/", method: "POST" }, (res) =>
        done(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(response).toBe(405);
  });
});

/** A raw POST with the given headers: what a page, or another site, or a script could send. */
function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  body = "{}",
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

describe("curator mode's server", () => {
  let server: Server;
  let port: number;
  const received: unknown[] = [];
  const curator = {
    token: "a-secret-of-this-run",
    correct: async (record: unknown) => {
      received.push(record);
      return { file: "fixes.jsonl", line: JSON.stringify(record) };
    },
    undo: async () => ({ file: "fixes.jsonl" }),
  };

  beforeAll(async () => {
    const viewerDir = await tempDir({ "index.html": "<!doctype html><html><head></head></html>" });
    server = createViewerServer({ viewerDir, graphDir: await smallGraphDir(), curator });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("serves the page with this run's token, and takes a fix from it", async () => {
    expect((await get(port, "/")).body).toContain(
      '<meta name="papergraph-token" content="a-secret-of-this-run" />',
    );
    const origin = `http://127.0.0.1:${port}`;
    const fix = { action: "drop", entity: "method:x" };
    const reply = await post(
      port,
      "/api/corrections",
      { Origin: origin, "X-Papergraph-Token": curator.token, "Content-Type": "application/json" },
      JSON.stringify(fix),
    );
    expect(reply.status).toBe(200);
    expect(received).toEqual([fix]);
  });

  it("refuses a request without the token, from another origin, or to another host", async () => {
    const origin = `http://127.0.0.1:${port}`;
    const cases: [Record<string, string>, string][] = [
      [{ Origin: origin }, "no valid token"],
      [{ Origin: origin, "X-Papergraph-Token": "guessed" }, "no valid token"],
      [
        { Origin: "http://evil.example", "X-Papergraph-Token": curator.token },
        "this server's page",
      ],
      [{ "X-Papergraph-Token": curator.token }, "this server's page"],
      [
        {
          Host: "evil.example",
          Origin: "http://evil.example",
          "X-Papergraph-Token": curator.token,
        },
        "loopback host",
      ],
    ];
    const before = received.length;
    for (const [headers, why] of cases) {
      const reply = await post(port, "/api/corrections", headers);
      expect(reply.status, why).toBe(403);
      expect(JSON.parse(reply.body).error).toContain(why);
    }
    expect(received).toHaveLength(before);
  });
});
