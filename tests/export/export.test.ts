import { spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import {
  csvCell,
  detailsShard,
  toGexf,
  toJson,
  viewerDetails,
  viewerMaps,
} from "../../src/export/index.js";
import { defaultMinPapers } from "../../src/export/level-of-detail.js";
import { addMapRest, graphFromMap } from "../../src/export/viewer-data.js";
import { writeFilesAtomic } from "../../src/io/index.js";
import { papergraph, tempDir } from "../helpers/cli.js";
import { largeGraph, smallGraph, smallGraphDir } from "../helpers/graph.js";
import { REQUIREMENTS } from "../helpers/requirements.js";

describe("csv cells", () => {
  it("are quoted when needed and never start a spreadsheet formula", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(["a", "b"])).toBe("a; b");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("papergraph export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await smallGraphDir();
  });

  it("csv writes nodes.csv and edges.csv in neo4j-admin's header format", async () => {
    const run = await papergraph(
      ["export", "--format", "csv", "--graph", dir, "--out", "csv"],
      dir,
    );
    expect(run.code).toBe(0);
    const read = async (file: string) =>
      parse(await readFile(join(dir, "csv", file), "utf8"), { columns: true }) as Record<
        string,
        string
      >[];
    const nodes = await read("nodes.csv");
    const edges = await read("edges.csv");
    expect(Object.keys(nodes[0] ?? {})).toEqual([
      "id:ID",
      ":LABEL",
      "label",
      "thread:int",
      "paperCount:int",
      "aliases:string[]",
      "broader",
      "date",
      "url",
      "color",
      "size:float",
      "x:float",
      "y:float",
    ]);
    expect(Object.keys(edges[0] ?? {})).toEqual([
      ":START_ID",
      ":END_ID",
      ":TYPE",
      "weight:float",
      "relation",
      "count:int",
      "evidence",
    ]);
    const ids = new Set(nodes.map((n) => n["id:ID"]));
    expect(
      edges.every((e) => ids.has(e[":START_ID"] as string) && ids.has(e[":END_ID"] as string)),
    ).toBe(true);
    // Every paper → entity edge says, in a sentence of the paper, where it was read.
    const evidence = edges.filter((e) => e[":TYPE"] !== "cooccurs").map((e) => e.evidence);
    expect(evidence.every((sentence) => (sentence as string).length > 10)).toBe(true);
    // A title that begins with "=" is text in a spreadsheet, not a formula.
    expect(nodes.map((n) => n.label)).toContain("'=Domain Generalization on PACS");
  });

  it("graphml writes well-formed XML with every node and edge", async () => {
    await papergraph(["export", "--format", "graphml", "--graph", dir, "--out", "g.graphml"], dir);
    const xml = await readFile(join(dir, "g.graphml"), "utf8");
    expect(xml.match(/<node /g)?.length).toBe(
      JSON.parse(await readFile(join(dir, "graph.json"), "utf8")).nodes.length,
    );
    if (REQUIREMENTS.xmllint.met)
      expect(spawnSync("xmllint", ["--noout", join(dir, "g.graphml")]).status).toBe(0);
  });

  it("gexf and json write the graph; an unknown format is a usage error", async () => {
    expect(
      (await papergraph(["export", "-f", "gexf", "-g", dir, "-o", "g.gexf"], dir)).stdout,
    ).toMatch(/^Wrote \d+ nodes and \d+ edges as gexf: g\.gexf\n$/);
    expect(await readFile(join(dir, "g.gexf"), "utf8")).toMatch(
      /^<\?xml[^>]*>\n<gexf version="1\.3"/,
    );
    await papergraph(["export", "-f", "json", "-g", dir, "-o", "g.json"], dir);
    expect(await readFile(join(dir, "g.json"), "utf8")).toBe(
      await readFile(join(dir, "graph.json"), "utf8"),
    );
    const bad = await papergraph(["export", "-f", "pdf", "-g", dir, "-o", "x"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of gexf, graphml, json, csv, html, got "pdf"/);
  });
});

describe("graph.json", () => {
  it("written in chunks without edge keys, reads back as the same graph, keys and all", async () => {
    const { smallGraph } = await import("../helpers/graph.js");
    const { toJson } = await import("../../src/export/index.js");
    const { graphFromJson } = await import("../../src/graph/index.js");
    const { graph } = smallGraph();
    const json = toJson(graph);
    expect(JSON.parse(json).edges.some((e: { key?: string }) => "key" in e)).toBe(false);
    expect(graphFromJson(JSON.parse(json)).export()).toEqual(graph.export());
  });
});

describe("graph.gexf on a worker thread", () => {
  it("is the document written on this thread", async () => {
    const { smallGraph } = await import("../helpers/graph.js");
    const { gexfFileData, toGexf } = await import("../../src/export/index.js");
    const { graph } = smallGraph();
    const dir = await tempDir();
    await writeFilesAtomic([[join(dir, "graph.gexf"), gexfFileData(graph, 0, true)]]);
    expect(await readFile(join(dir, "graph.gexf"), "utf8")).toBe(toGexf(graph));
  });

  it("failing, leaves the previous files and no temporary behind", async () => {
    const dir = await tempDir({ "graph.json": "old json", "graph.gexf": "old gexf" });
    const failing = async () => {
      throw new Error("disk full");
    };
    await expect(
      writeFilesAtomic([
        [join(dir, "graph.gexf"), failing],
        [join(dir, "graph.json"), ["new ", "json"]],
      ]),
    ).rejects.toThrow("disk full");
    expect(await readFile(join(dir, "graph.json"), "utf8")).toBe("old json");
    expect((await readdir(dir)).sort()).toEqual(["graph.gexf", "graph.json"]);
  });
});

describe("graph.gexf in Gephi Lite", () => {
  it("is read by graphology-gexf, Gephi Lite's parser, with types, threads, colours, sizes and places", () => {
    const { graph } = smallGraph();
    const read = parseGexf(Graph, toGexf(graph));
    expect(read.order).toBe(graph.order);
    expect(read.size).toBe(graph.size);
    const rgb = (hex: string) => {
      const value = Number.parseInt(hex.slice(1), 16);
      return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
    };
    graph.forEachNode((node, a) => {
      expect(read.hasNode(node)).toBe(true);
      const got = read.getNodeAttributes(node);
      expect(got).toMatchObject({ label: a.label, type: a.type, color: rgb(a.color) });
      expect(got.size).toBeCloseTo(a.size, 3);
      expect(got.x).toBeCloseTo(a.x, 3);
      expect(got.y).toBeCloseTo(a.y, 3);
      if (a.thread >= 0) expect(got.thread).toBe(a.thread);
    });
    graph.forEachEdge((_, a, source, target) => {
      const edge = read.edge(source, target);
      expect(edge).toBeDefined();
      expect(read.getEdgeAttributes(edge)).toMatchObject({ type: a.type });
      expect(read.getEdgeAttribute(edge, "weight")).toBeCloseTo(a.weight, 3);
    });
    const threads = new Set(read.mapNodes((_, a) => a.thread).filter((t) => t >= 0));
    expect(threads.size).toBeGreaterThan(1);
  });
});

describe("the viewer's files", () => {
  it("map.json gives back every node and edge the map draws, and the shards every paper's details", () => {
    const { graph } = smallGraph();
    const { map, rest } = viewerMaps(graph);
    // A small graph is drawn whole from the first frame: no rest to fetch.
    expect(rest).toBeNull();
    expect(map.rest).toBeNull();
    const read = graphFromMap(JSON.parse(JSON.stringify(map)));
    expect(read.order).toBe(graph.order);
    expect(read.size).toBe(graph.size);
    graph.forEachNode((node, a) => {
      const { abstract, mentions, authors, sources, url, aliases, ...drawn } = a;
      // No other names and an empty list of them are one thing to the viewer.
      expect(read.getNodeAttributes(node)).toEqual(aliases?.length ? { ...drawn, aliases } : drawn);
    });
    graph.forEachEdge((edge, { evidence, ...drawn }) => {
      expect(read.getEdgeAttributes(edge)).toEqual(drawn);
    });
    const shards = viewerDetails(graph);
    expect(shards).toHaveLength(map.shards);
    graph.forEachNode((node, a) => {
      if (a.type !== "paper") return;
      const shard = shards[detailsShard(node, map.shards)] ?? {};
      expect(shard[node]).toEqual({
        abstract: a.abstract,
        url: a.url,
        authors: a.authors,
        sources: a.sources,
        mentions: a.mentions,
      });
    });
    // The map is what the first frame needs: a fraction of graph.json.
    expect(JSON.stringify(map).length).toBeLessThan(toJson(graph).length / 2);
  });

  it("above a size, leaves off the map the entities one paper names, each in its paper's details", () => {
    const { graph } = smallGraph();
    const { map } = viewerMaps(graph, 0);
    const drawn = graphFromMap(JSON.parse(JSON.stringify(map)));
    const single = graph.filterNodes((_, a) => a.type !== "paper" && (a.paperCount ?? 1) < 2);
    expect(single.length).toBeGreaterThan(3);
    expect(map.whole.offMap).toBe(single.length);
    for (const node of single) expect(drawn.hasNode(node)).toBe(false);
    expect(drawn.order).toBe(graph.order - single.length);
    // Each is in the details of the one paper naming it, with what the viewer needs to draw it.
    const shards = viewerDetails(graph, 0);
    for (const node of single) {
      const [paper] = graph.neighbors(node);
      const details = shards[detailsShard(paper as string, map.shards)]?.[paper as string];
      const entry = details?.offMap?.find((e) => e.key === node);
      expect(entry?.attributes).toMatchObject(graph.getNodeAttributes(node));
      expect(entry?.edge.type).toBe(
        graph.getEdgeAttributes(graph.edge(paper, node) as string).type,
      );
    }
    // Below the size, every entity is drawn.
    expect(viewerMaps(graph).map.whole.offMap).toBe(0);
  });

  it("on a large graph, map.json holds the overview the viewer shows first and map-rest.json the rest", () => {
    const { graph } = largeGraph();
    const { map, rest } = viewerMaps(graph);
    if (!rest) throw new Error("a large graph's map has a rest");
    expect(map.rest).toBe("map-rest.json");
    const counts = graph
      .filterNodes((_, a) => a.type !== "paper")
      .map((n) => graph.getNodeAttribute(n, "paperCount") ?? 1);
    expect(map.whole.minPapers).toBe(defaultMinPapers(counts));
    expect(map.whole.minPapers).toBeGreaterThan(1);
    // The overview: every entity named by enough papers, and nothing else.
    const shown = graph.filterNodes(
      (_, a) => a.type !== "paper" && (a.paperCount ?? 1) >= map.whole.minPapers,
    );
    expect(shown.length).toBeLessThanOrEqual(3000);
    const overview = graphFromMap(JSON.parse(JSON.stringify(map)));
    expect(overview.nodes().sort()).toEqual(shown.sort());
    expect(overview.size).toBeGreaterThan(0);
    expect(map.whole).toMatchObject({ order: graph.order, size: graph.size });
    expect(map.whole.extent).toEqual({ x: [0, 2 * 1200 + 59 * 15], y: [0, 122 * 15] });
    // With its rest, the whole graph, as graph.json has it.
    addMapRest(overview, map, JSON.parse(JSON.stringify(rest)));
    expect(overview.order).toBe(graph.order);
    expect(overview.size).toBe(graph.size);
    graph.forEachEdge((_, _a, source, target) => {
      expect(overview.hasEdge(source, target)).toBe(true);
    });
    expect(JSON.stringify(map).length).toBeLessThan(JSON.stringify(rest).length / 4);
  });
});
