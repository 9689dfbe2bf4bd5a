import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toCsv, toGexf, toGraphml } from "../../src/export/index.js";
import { extractPapers } from "../../src/extract/index.js";
import { buildGraph } from "../../src/graph/index.js";
import { paper } from "../extract/helpers.js";
import { tempDir } from "../helpers/cli.js";
import { validateGexf } from "../helpers/gexf.js";
import { REQUIREMENTS } from "../helpers/requirements.js";

const HOSTILE_TITLE = `</node><script>alert("x")</script> & 'quotes' ]]> =cmd|' /C calc'!A0`;

function hostileGraph() {
  const papers = [
    paper(
      HOSTILE_TITLE,
      `We use <b>graph neural networks</b> & "ModelNet40" <!-- comment --> ]]>.`,
    ),
    paper("@SUM(1+1) Graph Neural Networks", "Graph neural networks on ModelNet40, again."),
  ];
  return buildGraph(extractPapers(papers), { layout: { iterations: 20 } }).graph;
}

describe("exports of hostile text", () => {
  it("GEXF escapes every string", () => {
    const gexf = toGexf(hostileGraph());
    expect(gexf).not.toMatch(/<script|<\/node><|<b>/);
    expect(gexf).toContain("&lt;/node&gt;&lt;script&gt;");
  });

  it.runIf(REQUIREMENTS.xmllint.met)("GEXF of hostile text still validates", async () => {
    expect((await validateGexf(toGexf(hostileGraph()))).status).toBe(0);
  });

  it("GraphML escapes every string", () => {
    const graphml = toGraphml(hostileGraph());
    expect(graphml).not.toMatch(/<script>|<b>|<!--/);
    expect(graphml).toContain("&lt;/node&gt;&lt;script&gt;");
  });

  it.runIf(REQUIREMENTS.xmllint.met)("GraphML of hostile text is well-formed XML", async () => {
    const graphml = toGraphml(hostileGraph());
    const file = join(await tempDir(), "g.graphml");
    await writeFile(file, graphml);
    expect(spawnSync("xmllint", ["--noout", file]).status).toBe(0);
  });

  it("CSV cells that a spreadsheet would run as formulas are escaped", () => {
    const { nodes } = toCsv(hostileGraph());
    expect(nodes).toContain(",'@SUM(1+1) Graph Neural Networks,");
    expect(nodes).not.toMatch(/,[=+\-@]/);
  });
});
