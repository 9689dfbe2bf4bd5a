import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/index.js";
import { extractPapers } from "../../src/extract/index.js";
import { buildGraph } from "../../src/graph/index.js";
import { validateGexf } from "../helpers/gexf.js";
import { SMALL_CORPUS } from "../helpers/graph.js";
import { REQUIREMENTS } from "../helpers/requirements.js";

/** The small corpus with dates: a day, a month alone, a year alone, and none. */
const DATES = ["2025-03-18", "2025-05", "2024", undefined];

function datedGexf(): { gexf: string; ids: string[] } {
  const papers = SMALL_CORPUS.map((paper, i) =>
    DATES[i] ? { ...paper, date: DATES[i] } : { ...paper },
  );
  const { graph } = buildGraph(extractPapers(papers), { layout: { iterations: 20 } });
  return { gexf: toGexf(graph), ids: papers.map((p) => `paper:${p.id}`) };
}

/** The start of the node or edge of an id, as written (GEXF escapes the id's "<" and ">"). */
const startOf = (gexf: string, element: "node" | "edge", id: string) =>
  new RegExp(
    `<${element} id="${id
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?(?: start="([^"]+)")?>`,
  ).exec(gexf)?.[1];

describe("GEXF with time, for Gephi's timeline", () => {
  it("is dynamic, each node starting on its first paper's day and each link on the first paper behind it", () => {
    const { gexf, ids } = datedGexf();
    expect(gexf).toContain('<graph defaultedgetype="undirected" mode="dynamic" timeformat="date">');
    expect(startOf(gexf, "node", ids[0] as string)).toBe("2025-03-18");
    // A month alone stands for its first day; a year alone, or no date, gives no start.
    expect(startOf(gexf, "node", ids[1] as string)).toBe("2025-05-01");
    expect(startOf(gexf, "node", ids[2] as string)).toBeUndefined();
    expect(startOf(gexf, "node", ids[3] as string)).toBeUndefined();
    // ModelNet40 is named by the first two papers: it starts with the first.
    expect(startOf(gexf, "node", "dataset:modelnet40")).toBe("2025-03-18");
    expect(startOf(gexf, "edge", `${ids[1]}->dataset:modelnet40`)).toBe("2025-05-01");
    const cooccurrence = /<edge id="[^"]*&lt;-&gt;[^"]*"[^>]* start="([^"]+)"/.exec(gexf);
    expect(cooccurrence?.[1]).toBe("2025-03-18");
  });

  it("stays static where no paper has a day a timeline can place", () => {
    const { graph } = buildGraph(extractPapers(SMALL_CORPUS), { layout: { iterations: 20 } });
    const gexf = toGexf(graph);
    expect(gexf).toContain('<graph defaultedgetype="undirected">');
    expect(gexf).not.toContain(" start=");
  });

  it("is read by graphology-gexf, Gephi Lite's parser, every node and edge kept", () => {
    const { gexf } = datedGexf();
    const read = parseGexf(Graph, gexf);
    expect(read.order).toBeGreaterThan(10);
    expect(read.size).toBeGreaterThan(10);
  });

  it.runIf(REQUIREMENTS.xmllint.met)("validates against the GEXF 1.3 grammar", async () => {
    const { status, report } = await validateGexf(datedGexf().gexf);
    expect(report).toContain("validates");
    expect(status).toBe(0);
  });
});
