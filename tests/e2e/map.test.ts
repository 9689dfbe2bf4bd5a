/** What the map shows a reader of the shipped corpus: regions labelled, level of detail. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createViewerServer, VIEWER_DIR } from "../../src/serve/index.js";
import { papergraph, tempDir } from "../helpers/cli.js";
import { canRunBrowser, launch, openViewer, screenshot, visibleNodes } from "./browser.js";

type Box = { left: number; top: number; right: number; bottom: number; text: string };

/** The boxes of the region labels on screen. */
function regionLabels(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".region-label"))
      .filter((e) => !e.hidden)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          text: e.textContent ?? "",
        };
      }),
  );
}

const drawnNodeLabels = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { papergraph: { drawnNodeLabels(): number } }
    ).papergraph.drawnNodeLabels(),
  );

describe.runIf(canRunBrowser)("the map of the shipped corpus", () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const dir = await tempDir();
    expect((await papergraph(["build", "--out", join(dir, "graph"), "--quiet"])).code).toBe(0);
    server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir: join(dir, "graph") });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("labels the threads on their regions, and no two drawn labels overlap", async () => {
    const page = await openViewer(browser, url);
    const boxes = await regionLabels(page);
    expect(boxes.length).toBeGreaterThan(5);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `"${a.text}" and "${b.text}"`).toBe(true);
      }
    // In the overview the regions speak; the nodes' labels wait for the zoom.
    expect(await drawnNodeLabels(page)).toBe(0);
    await screenshot(page, "map-overview");
    await page.evaluate(() =>
      (
        window as unknown as {
          papergraph: { renderer: { getCamera(): { setState(s: object): void } } };
        }
      ).papergraph.renderer
        .getCamera()
        .setState({ ratio: 0.15 }),
    );
    await page.waitForTimeout(300);
    expect(await drawnNodeLabels(page)).toBeGreaterThan(0);
    expect(await regionLabels(page)).toEqual([]);
    await page.close();
  });

  it("the minimum-papers slider leaves out entities fewer papers name, and the address keeps it", async () => {
    const page = await openViewer(browser, url);
    const all = await visibleNodes(page, "method");
    await page.locator("#min-papers").fill("3");
    const fewer = await visibleNodes(page, "method");
    expect(fewer).toBeLessThan(all / 2);
    expect(fewer).toBeGreaterThan(10);
    expect(await page.textContent("#min-papers-note")).toMatch(
      /^Entities named by at least 3 papers: \d+ of \d+$/,
    );
    expect(page.url()).toContain("min=3");
    const again = await openViewer(browser, page.url());
    expect(await visibleNodes(again, "method")).toBe(fewer);
    // A thread opened shows all of its own, whatever the threshold.
    await again.click('#thread-legend .thread[data-thread="0"]');
    const inThread = await again.evaluate(
      () =>
        (
          window as unknown as {
            papergraph: {
              graph: {
                filterNodes(
                  f: (n: string, a: { thread: number; type: string }) => boolean,
                ): string[];
              };
            };
          }
        ).papergraph.graph.filterNodes((_, a) => a.thread === 0 && a.type === "method").length,
    );
    expect(await visibleNodes(again, "method")).toBeGreaterThanOrEqual(inThread);
    await page.close();
    await again.close();
  });
});
