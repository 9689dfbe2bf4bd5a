import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBuildFiles } from "../../src/build-folder.js";
import { buildGraph } from "../../src/graph/index.js";
import { extract, ingest, type PaperRecord, withRising } from "../../src/pipeline.js";
import type { ThreadReport } from "../../src/types.js";
import { tempDir } from "../helpers/cli.js";
import { canRunBrowser, openViewer, screenshot, servedMap } from "./browser.js";

const EXCERPT = join(import.meta.dirname, "..", "fixtures", "arxiv", "excerpt.jsonl");

/** Twelve papers of May and June 2026 on one new method: a burst the Rising list must show. */
const BURST: PaperRecord[] = Array.from({ length: 12 }, (_, i) => ({
  title: `BurstNet ${i + 1}: Sparse Routing for Medical Image Segmentation`,
  abstract: `We propose BurstNet, a sparse routing network for medical image segmentation. BurstNet is evaluated on BraTS and ACDC.`,
  date: `2026-0${5 + (i % 2)}-${String(3 + i).padStart(2, "0")}`,
}));

/**
 * 499 real arXiv abstracts and the burst, with threads of 25 papers or more split into
 * sub-threads (300 by default: a corpus this small has no thread that large).
 */
async function datedBuild(): Promise<{ dir: string; threads: ThreadReport }> {
  const lines = (await readFile(EXCERPT, "utf8")).trim().split("\n");
  const { papers } = await ingest([
    ...lines.map((line) => JSON.parse(line) as PaperRecord),
    ...BURST,
  ]);
  const built = buildGraph(await extract(papers, { workers: 1 }), {
    threads: { subthreadMinPapers: 25 },
  });
  const dir = join(await tempDir(), "graph");
  const threads = withRising(built);
  await writeBuildFiles(dir, built.graph, threads);
  return { dir, threads };
}

/** The region labels shown, sub-threads' or threads'. */
function shownLabels(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (labels) =>
    labels
      .filter((label) => !(label as HTMLElement).hidden)
      .map((label) => label.textContent ?? ""),
  );
}

describe.runIf(canRunBrowser)("the field in time in the viewer", () => {
  let browser: Browser;
  let url: string;
  let threads: ThreadReport;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const build = await datedBuild();
    threads = build.threads;
    ({ browser, url, close } = await servedMap(build.dir));
  }, 180_000);

  afterAll(() => close?.());

  it("an entity's panel shows its papers month by month", async () => {
    const page = await openViewer(browser, `${url}?node=method%3Alarge-language-model`);
    await page.locator("#panel h2").waitFor();
    const bars = page.locator("#panel .months .month-bar");
    expect(await bars.count()).toBeGreaterThan(6);
    expect(await bars.first().getAttribute("title")).toMatch(/^2025-\d\d: \d+ papers?$/);
    await page.close();
  });

  it("lists what is rising beside the threads, and choosing one focuses the map on it", async () => {
    const page = await openViewer(browser, url);
    const items = page.locator("#rising .rising-item");
    expect(await items.count()).toBeGreaterThan(0);
    expect(await page.textContent("#rising-note")).toMatch(
      /^A burst of papers running into 20\d\d-\d\d/,
    );
    // The method itself; its thread, labelled with it, may be rising too.
    const burst = items.filter({ has: page.locator(".thread-label", { hasText: /^BurstNet$/ }) });
    expect(await burst.count()).toBe(1);
    expect(await burst.locator(".sparkline span").count()).toBe(
      threads.rising?.months.length as number,
    );
    await screenshot(page, "time-rising");
    await burst.click();
    await page.locator("#panel h2").waitFor();
    expect(await page.textContent("#panel h2")).toBe("BurstNet");
    expect(page.url()).toContain("node=method%3Aburstnet");
    await page.close();
  });

  it("names a large thread by its sub-threads once zoomed into it, and its panel lists them", async () => {
    const split = threads.threads.find((t) => (t.subthreads?.length ?? 0) >= 2);
    expect(split, "a thread with sub-threads").toBeDefined();
    const page = await openViewer(browser, url);
    // The overview names threads, not their parts.
    expect(await shownLabels(page, ".region-label.subthread")).toEqual([]);
    await page.click(`#thread-legend .thread[data-thread="${split?.id}"]`);
    await page.waitForTimeout(900);
    const parts = await shownLabels(page, ".region-label.subthread");
    expect(parts.length).toBeGreaterThan(0);
    const names = (split?.subthreads ?? []).map((s) =>
      s.label.split(" · ").slice(0, 2).join(" · "),
    );
    for (const part of parts) expect(names).toContain(part);
    await screenshot(page, "time-subthreads");
    const listed = page.locator("#thread-panel .subthreads > li, #panel .subthreads > li");
    expect(await listed.count()).toBe(split?.subthreads?.length);
    await page.close();
  });

  it("lists what an entity has not yet been studied with, asked of the server", async () => {
    const page = await openViewer(browser, `${url}?node=method%3Alarge-language-model`);
    const items = page.locator("#panel .gaps li");
    await page.waitForFunction(
      () => !document.querySelector("#panel .gaps li")?.textContent?.startsWith("asking"),
    );
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().textContent()).toMatch(/\d+ shared neighbours$/);
    expect(await page.textContent("#panel .gaps + .detail-note")).toMatch(
      /^No paper names these with it yet; Adamic-Adar, .*too few to learn from/,
    );
    await screenshot(page, "time-gaps");
    await page.close();
  });

  it("crosses a thread's methods and tasks: papers naming both, and the gaps likely to fill", async () => {
    const thread = threads.threads.find((t) => t.top.method.length >= 2 && t.top.task.length >= 2);
    const page = await openViewer(browser, `${url}?thread=${thread?.id}`);
    const matrix = page.locator("#panel .matrix");
    await matrix.waitFor();
    const methods = Math.min(6, thread?.top.method.length ?? 0);
    const tasks = Math.min(6, thread?.top.task.length ?? 0);
    expect(await matrix.locator("tbody tr").count()).toBe(methods);
    expect(await matrix.locator("tbody td").count()).toBe(methods * tasks);
    const counts = (await matrix.locator("tbody td").allTextContents()).filter((t) =>
      /^\d+$/.test(t),
    );
    expect(counts.length).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    for (const cell of await matrix.locator("td.gap").all())
      expect(await cell.getAttribute("title")).toMatch(/^Adamic-Adar \d/);
    await screenshot(page, "time-matrix");
    await page.close();
  });

  it("colours the map by when each entity first appeared, with its legend", async () => {
    const page = await openViewer(browser, url);
    expect(await page.isVisible("#first-seen-legend")).toBe(false);
    await page.check("#first-seen");
    expect(await page.isVisible("#first-seen-legend")).toBe(true);
    expect(await page.textContent("#first-seen-legend .ends")).toBe("2025-032026-07");
    await page.waitForTimeout(300);
    const colours = await page.evaluate(() => {
      const { graph, renderer } = (
        window as unknown as {
          papergraph: {
            graph: { filterNodes(f: (n: string, a: { first?: string }) => boolean): string[] };
            renderer: { getNodeDisplayData(n: string): { color: string } | undefined };
          };
        }
      ).papergraph;
      const early = graph.filterNodes((_, a) => a.first === "2025-03")[0] as string;
      return {
        early: renderer.getNodeDisplayData(early)?.color,
        burst: renderer.getNodeDisplayData("method:burstnet")?.color,
      };
    });
    // Viridis: the first month dark purple, BurstNet's May 2026 (14 of 16 months on) yellow-green.
    expect(colours.early).toBe("rgb(68,1,84)");
    expect(colours.burst).toMatch(/^rgb\((1\d\d|2\d\d),2\d\d,\d{1,2}\)$/);
    await screenshot(page, "time-first-seen");
    await page.uncheck("#first-seen");
    expect(await page.isVisible("#first-seen-legend")).toBe(false);
    await page.close();
  });
});
