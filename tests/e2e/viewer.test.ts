import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { papergraph, tempDir } from "../helpers/cli.js";
import { smallGraphDir } from "../helpers/graph.js";
import {
  canRunBrowser,
  inkOnMap,
  launch,
  openViewer,
  screenshot,
  serveGraph,
  shippedMap,
  visibleNodes,
} from "./browser.js";

describe.runIf(canRunBrowser)("the viewer in Chromium", () => {
  let browser: Browser;
  let url: string;
  let dir: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ browser, url, dir, close } = await shippedMap());
  }, 120_000);

  afterAll(() => close?.());

  it("loads the shipped graph and draws its nodes", async () => {
    const page = await openViewer(browser, url);
    expect(await page.textContent("#status")).toMatch(/^490 papers · \d+ entities · \d+ threads/);
    expect(await inkOnMap(page, "1-map")).toBeGreaterThan(0.05);
    expect(await visibleNodes(page)).toBeGreaterThan(2000);
    expect(await page.locator("#thread-legend .thread").count()).toBeGreaterThan(5);
    await page.close();
  });

  it("searching 'contrastive' suggests it, and choosing it opens the panel with its neighbours", async () => {
    const page = await openViewer(browser, url);
    await page.fill("#search", "contrastive");
    const first = page.locator("#suggestions .suggestion").first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/contrastive learning/i);
    await screenshot(page, "2-search");
    await first.click();
    await page.locator("#panel h2").waitFor();
    expect(await page.textContent("#panel h2")).toBe("contrastive learning");
    expect(await page.locator("#panel .neighbors li").count()).toBeGreaterThan(3);
    expect(await page.locator("#panel .paper-card").count()).toBeGreaterThan(5);
    // Co-named entities come strong and well supported first, and say what their figures mean.
    const methods = page.locator("#panel .group").first().locator(".neighbors > li > .weight");
    expect(await methods.first().getAttribute("title")).toMatch(/^Papers naming both, .*NPMI/);
    const ranks = (await methods.allTextContents()).map((text) => {
      const [, papers, npmi] = /^(\d+) papers · NPMI (-?[\d.]+)$/.exec(text) ?? [];
      return Number(npmi) * Math.log2(1 + Number(papers));
    });
    expect(ranks.length).toBeGreaterThan(3);
    for (let i = 1; i < ranks.length; i++)
      expect(ranks[i]).toBeLessThanOrEqual((ranks[i - 1] as number) + 0.02);
    expect(page.url()).toContain("node=method%3Acontrastive-learning");
    await page.waitForTimeout(700);
    await screenshot(page, "3-selected");
    // Narrower entities stay nodes of their own, and the panel leads from one to the other.
    const kin = page.locator("#panel .kinship");
    expect(await kin.textContent()).toMatch(/^Narrower: supervised contrastive learning, /);
    await kin.locator(".link").first().click();
    await page.waitForFunction(
      () => document.querySelector("#panel h2")?.textContent === "supervised contrastive learning",
    );
    expect(await page.textContent("#panel .kinship")).toMatch(/^Narrows contrastive learning/);
    await page.close();
  });

  it("a type toggle hides that type on the map", async () => {
    const page = await openViewer(browser, url);
    expect(await visibleNodes(page, "paper")).toBe(490);
    await page.uncheck('#type-legend input[data-type="paper"]');
    expect(await visibleNodes(page, "paper")).toBe(0);
    expect(await visibleNodes(page, "method")).toBeGreaterThan(100);
    expect(page.url()).toContain("hide=paper");
    await screenshot(page, "4-no-papers");
    await page.close();
  });

  it("clicking a listed paper shows its abstract with the mentions highlighted", async () => {
    const page = await openViewer(browser, `${url}?node=method%3Acontrastive-learning`);
    await page.locator("#panel .paper-card .link").first().click();
    await page.locator("#panel .badge.paper").waitFor();
    const marks = page.locator("#panel .abstract mark.mention");
    expect(await marks.count()).toBeGreaterThan(2);
    expect(await page.locator("#panel .group h3").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^methods \(\d+\)$/)]),
    );
    await screenshot(page, "5-paper");
    // A highlighted mention leads to its entity.
    const mention = (await marks.first().getAttribute("title")) ?? "";
    await marks.first().click();
    expect(`${mention}`).toContain(await page.textContent("#panel h2"));
    await page.close();
  });

  it("choosing a thread focuses the map on it, and the address keeps the view", async () => {
    const page = await openViewer(browser, url);
    await page.locator("#thread-legend .thread").nth(1).click();
    expect(page.url()).toContain("thread=1");
    await page.waitForTimeout(700);
    await screenshot(page, "6-thread");
    const shared = await openViewer(browser, `${url}?node=dataset%3Aimagenet&hide=task`);
    expect(await shared.textContent("#panel h2")).toBe("ImageNet");
    expect(await visibleNodes(shared, "task")).toBe(0);
    await shared.close();
    await page.close();
  });

  it("does not break on a phone-width window", async () => {
    const page = await openViewer(browser, url, { width: 390, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await inkOnMap(page, "7-phone")).toBeGreaterThan(0.05);
    await page.click("#toggle-sidebar");
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    await screenshot(page, "7-phone-legend");
    await page.close();
  });

  it("the exported HTML file works from file://, with no server", async () => {
    const file = join(dir, "papergraph.html");
    const run = await papergraph([
      "export",
      "--format",
      "html",
      "--graph",
      join(dir, "graph"),
      "--out",
      file,
    ]);
    expect(run.code).toBe(0);
    const page = await openViewer(browser, pathToFileURL(file).href);
    expect(await page.textContent("#status")).toMatch(/^490 papers/);
    expect(await inkOnMap(page, "8-html-export")).toBeGreaterThan(0.05);
    await page.fill("#search", "rotation");
    await page.locator("#suggestions .suggestion").first().click();
    expect(await page.textContent("#panel h2")).toBe("rotation");
    await page.close();
  });

  it("a build whose map.json is of an older format is read from its graph.json, whole", async () => {
    const old = await smallGraphDir();
    await writeFile(join(old, "map.json"), JSON.stringify({ format: "papergraph-map/1" }));
    const { server, url: served } = await serveGraph(old);
    const page = await openViewer(browser, served);
    expect(await page.textContent("#status")).toMatch(/^4 papers · \d+ entities/);
    await page.close();
    server.close();
  });
});

describe.runIf(canRunBrowser)("paper text in the viewer", () => {
  it("is shown as text: a <script> title does not run", async () => {
    const dir = await tempDir({
      "hostile.jsonl": `${JSON.stringify({
        title:
          "<script>window.pwned = 1</script> Graph Neural Networks <img src=x onerror=window.pwned=2>",
        abstract:
          'We study graph neural networks <b onmouseover="window.pwned=3">bold</b> on ModelNet40.',
      })}\n${JSON.stringify({ title: "Graph Neural Networks Again", abstract: "Graph neural networks on ModelNet40." })}\n`,
    });
    expect(
      (await papergraph(["build", "hostile.jsonl", "--out", "graph", "--quiet"], dir)).code,
    ).toBe(0);
    const html = join(dir, "hostile.html");
    await papergraph(["export", "--format", "html", "--graph", "graph", "--out", html], dir);
    const browser = await launch();
    const { server, url: served } = await serveGraph(join(dir, "graph"));
    for (const address of [served, pathToFileURL(html).href]) {
      const page = await openViewer(browser, `${address}?node=method%3Agraph-neural-network`);
      await page.locator("#panel .paper-card .link").first().click();
      await page.locator("#panel .badge.paper").waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      ).toBeUndefined();
      expect(await page.locator("#panel script, #panel img, #panel b").count()).toBe(0);
      expect(await page.textContent("#panel")).toMatch(
        /<script>window\.pwned = 1<\/script>|<b onmouseover/,
      );
      await page.close();
    }
    server.close();
    await browser.close();
  }, 60_000);
});
