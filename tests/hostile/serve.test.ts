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
