import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import type { KnowledgeGraph } from "../../src/graph/index.js";
import { build } from "../../src/pipeline.js";
import { CORPUS, tempDir } from "../helpers/cli.js";
import { canRunBrowser, openViewer, screenshot, servedMap } from "./browser.js";

/** Whether the live graph holds a node, and the map draws it. */
function drawn(page: import("playwright-core").Page, node: string) {
  return page.evaluate((id) => {
    const { graph, renderer } = (
      window as unknown as {
        papergraph: {
          graph: { hasNode(id: string): boolean };
          renderer: { getNodeDisplayData(id: string): { hidden?: boolean } | undefined };
        };
      }
    ).papergraph;
    return graph.hasNode(id) && renderer.getNodeDisplayData(id)?.hidden === false;
  }, node);
}

describe.runIf(canRunBrowser)("entities the map leaves off, in the viewer", () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  let graph: KnowledgeGraph;

  beforeAll(async () => {
    // The shipped corpus, built as a large corpus is: one-paper entities off the map, and kept in
    // the build's store rather than its graph.
    const dir = join(await tempDir(), "graph");
    await build([CORPUS], { out: dir, workers: 1, offMapFrom: 0, tailFrom: 0 });
    graph = await loadGraph(dir);
    ({ browser, url, close } = await servedMap(dir));
  }, 180_000);
  afterAll(() => close?.());

  it("says what it leaves off, finds one by search, and opens it beside its paper", async () => {
    const page = await openViewer(browser, url);
    const offMap = graph.filterNodes((_, a) => a.type !== "paper" && a.paperCount === 1).length;
    expect(await page.textContent("#status")).toContain(
      `${offMap} entities named by one paper not drawn (search finds them`,
    );
    const node = graph.findNode(
      (_, a) => a.type === "method" && a.paperCount === 1 && a.label.split(" ").length >= 3,
    ) as string;
    const { label } = graph.getNodeAttributes(node);
    expect(await drawn(page, node)).toBe(false);
    await page.fill("#search", label);
    const found = page
      .locator(".suggestion", { hasText: "off the map" })
      .filter({ hasText: label });
    await found.first().waitFor();
    await found.first().dispatchEvent("mousedown");
    await page.locator("#panel h2", { hasText: label }).waitFor();
    expect(await page.textContent("#panel .meta")).toContain("named by 1 paper");
    await page.waitForTimeout(300);
    expect(await drawn(page, node)).toBe(true);
    await screenshot(page, "off-map-opened");
    // Its paper's abstract marks every entity it names, those off the map included.
    await page.locator("#panel .paper-card .link").first().click();
    await page.locator("#panel .badge.paper").waitFor();
    const [paper] = graph.neighbors(node);
    const mentions = (graph.getNodeAttribute(paper as string, "mentions") ?? []).filter(
      (m) => m.field === "abstract",
    );
    const marks = await page.locator("#panel .abstract mark.mention").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    // Each mention in the text's order, one inside a mention marked before it read as part of it.
    const abstract = graph.getNodeAttribute(paper as string, "abstract") as string;
    const expected: string[] = [];
    let end = 0;
    for (const m of mentions.sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (m.start < end) continue;
      expected.push(abstract.slice(m.start, m.end));
      end = m.end;
    }
    expect(marks).toEqual(expected);
    await page.close();
  }, 60_000);
});
