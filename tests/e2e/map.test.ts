/** What the map shows a reader of the shipped corpus: regions labelled, level of detail. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { papergraph, tempDir } from "../helpers/cli.js";
import { largeGraph, largeGraphDir } from "../helpers/graph.js";
import {
  canRunBrowser,
  inkOnMap,
  openViewer,
  screenshot,
  servedMap,
  shippedMap,
  visibleNodes,
} from "./browser.js";

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
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ browser, url, close } = await shippedMap());
  }, 120_000);

  afterAll(() => close?.());

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

  it("Escape closes the panel, and Back steps through the selections", async () => {
    const page = await openViewer(browser, url);
    for (const query of ["contrastive learning", "ModelNet40"]) {
      await page.fill("#search", query);
      await page.locator("#suggestions .suggestion").first().click();
      await page.locator("#panel h2").waitFor();
    }
    expect(await page.textContent("#panel h2")).toBe("ModelNet40");
    await page.goBack();
    await page.waitForFunction(
      () => document.querySelector("#panel h2")?.textContent === "contrastive learning",
    );
    expect(page.url()).toContain("node=method%3Acontrastive-learning");
    await page.locator("#map").focus();
    await page.keyboard.press("Escape");
    expect(await page.locator("#panel").isHidden()).toBe(true);
    await page.close();
  });

  it("an address naming what the map has not says so, and shows the whole map", async () => {
    const page = await openViewer(browser, `${url}?thread=99&node=method:nothing`);
    // Said over the map, where the reader looks, not in the footer.
    const notice = page.locator("#notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await page.textContent("#notice-text")).toBe(
      'This map has no node "method:nothing", no thread "99": left out.',
    );
    expect(await visibleNodes(page, "paper")).toBe(490);
    await screenshot(page, "bad-address");
    await page.click("#notice-close");
    expect(await notice.isHidden()).toBe(true);
    await page.close();
  });

  it("moves and zooms from the keyboard, and the search says which option is active", async () => {
    const page = await openViewer(browser, url);
    const camera = () =>
      page.evaluate(() =>
        (
          window as unknown as {
            papergraph: { renderer: { getCamera(): { getState(): { x: number; ratio: number } } } };
          }
        ).papergraph.renderer
          .getCamera()
          .getState(),
      );
    const before = await camera();
    await page.locator("#map").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("+");
    await page.waitForTimeout(400);
    const after = await camera();
    expect(after.x).toBeGreaterThan(before.x);
    expect(after.ratio).toBeLessThan(before.ratio);
    await page.fill("#search", "learning");
    expect(await page.getAttribute("#search", "aria-expanded")).toBe("true");
    expect(await page.getAttribute("#search", "aria-activedescendant")).toBe("suggestion-0");
    await page.keyboard.press("ArrowDown");
    expect(await page.getAttribute("#search", "aria-activedescendant")).toBe("suggestion-1");
    await page.keyboard.press("Escape");
    expect(await page.getAttribute("#search", "aria-expanded")).toBe("false");
    await page.close();
  });

  it("on a phone, the legend drawer closes once a thread is chosen", async () => {
    const page = await openViewer(browser, url, { width: 390, height: 844 });
    await page.click("#toggle-sidebar");
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    await page.click('#thread-legend .thread[data-thread="1"]');
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    expect(page.url()).toContain("thread=1");
    // A node chosen stays in sight above the panel's sheet.
    await page.fill("#search", "ModelNet40");
    await page.locator("#suggestions .suggestion").first().click();
    await page.locator("#panel h2").waitFor();
    await page.waitForTimeout(800);
    const place = await page.evaluate(() => {
      const { renderer } = (
        window as unknown as {
          papergraph: {
            renderer: {
              getNodeDisplayData(n: string): { x: number; y: number };
              framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
              getDimensions(): { height: number };
            };
          };
        }
      ).papergraph;
      const at = renderer.framedGraphToViewport(renderer.getNodeDisplayData("dataset:modelnet40"));
      const sheet = document.getElementById("panel")?.getBoundingClientRect().top ?? 0;
      const map = document.getElementById("map")?.getBoundingClientRect().top ?? 0;
      return { y: at.y + map, sheet };
    });
    expect(place.y).toBeGreaterThan(0);
    expect(place.y).toBeLessThan(place.sheet);
    await page.close();
  });

  it("downloads the map as a PNG at twice the screen's resolution, with a legend", async () => {
    const page = await openViewer(browser, url);
    const map = await page.locator("#map").boundingBox();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-png"),
    ]);
    const image = PNG.sync.read(await readFile((await download.path()) as string));
    expect(download.suggestedFilename()).toBe("papergraph.png");
    expect(image.height).toBe(Math.round((map?.height ?? 0) * 2));
    expect(image.width).toBe(Math.round((map?.width ?? 0) * 2) + 600);
    // The legend's column holds drawn marks and text, not only white.
    let ink = 0;
    for (let y = 0; y < image.height; y++)
      for (let x = image.width - 600; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if ((image.data[i] as number) < 200) ink++;
      }
    expect(ink).toBeGreaterThan(2000);
    await page.close();
  });

  it("has no time filter where most papers have no date (33 of the 490 shipped papers have one)", async () => {
    const page = await openViewer(browser, url);
    expect(await page.locator("#time").isHidden()).toBe(true);
    await page.close();
  });

  it("a thread's panel gives its papers per month, its top entities and its papers by date", async () => {
    const page = await openViewer(browser, url);
    // Few of the shipped captures carry dates: the thread with the most dated papers is opened.
    const thread = await page.evaluate(`(() => {
      const dated = new Map();
      window.papergraph.graph.forEachNode((_, a) => {
        if (a.type === "paper" && a.date) dated.set(a.thread, (dated.get(a.thread) ?? 0) + 1);
      });
      return [...dated].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    })()`);
    await page.click(`#thread-legend .thread[data-thread="${thread}"]`);
    await page.locator("#panel .thread-papers li").first().waitFor();
    expect(await page.textContent("#panel .meta")).toMatch(
      new RegExp(`^Research thread ${thread}: \\d+ papers, \\d+ of them naming its label`),
    );
    const dates = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll("#panel .thread-papers .date")).map(
          (d) => d.textContent ?? "",
        ),
      );
    const newest = await dates();
    expect(newest.length).toBeGreaterThan(1);
    expect([...newest].sort().reverse()).toEqual(newest);
    await page.click("#sort-papers");
    expect(await dates()).toEqual([...newest].sort());
    await page.keyboard.press("Escape");
    expect(await page.locator("#panel").isHidden()).toBe(true);
    expect(page.url()).not.toContain("thread=");
    await page.close();
  });
});

describe.runIf(canRunBrowser)("a map too large to draw whole at first", () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;

  let dir: string;

  beforeAll(async () => {
    dir = await largeGraphDir();
    ({ browser, url, close } = await servedMap(dir));
  }, 120_000);

  afterAll(() => close?.());

  it("draws its overview first, then adds the papers and rarer entities", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // The rest of the map is held back until the overview has been looked at.
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route("**/map-rest.json", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url);
    await page.waitForFunction(
      () => performance.getEntriesByName("papergraph:first-render").length > 0,
    );
    const order = () =>
      page.evaluate(
        () =>
          (window as unknown as { papergraph: { graph: { order: number } } }).papergraph.graph
            .order,
      );
    const { graph } = largeGraph();
    const overview = graph.filterNodes((_, a) => a.type !== "paper" && (a.paperCount ?? 1) >= 2);
    expect(await order()).toBe(overview.length);
    expect(await page.textContent("#status")).toMatch(
      /^Overview: the \d+ entities named by \d+ papers or more · loading the rest/,
    );
    expect(await inkOnMap(page, "large-overview")).toBeGreaterThan(0.001);
    expect(await page.locator(".region-label:not([hidden])").count()).toBe(3);

    release();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await order()).toBe(graph.order);
    expect(await page.textContent("#status")).toMatch(/^6000 papers · 16000 entities · 3 threads/);
    // What the overview left out can now be found.
    await page.fill("#search", "paper 4321");
    await page.locator('#suggestions .suggestion[data-id="paper 4321"]').waitFor();
    await page.close();
  });

  it("exported as one HTML file, draws its overview first and then the rest, from file://", async () => {
    const file = join(dir, "large.html");
    const run = await papergraph(["export", "--format", "html", "--graph", dir, "--out", file]);
    expect(run.code).toBe(0);
    const html = await readFile(file, "utf8");
    expect(html).toContain('id="papergraph-rest"');
    const page = await openViewer(browser, pathToFileURL(file).href);
    const marks = await page.evaluate(() =>
      ["papergraph:first-render", "papergraph:whole-map"].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
      ),
    );
    expect(marks[0]).toBeLessThan(marks[1] as number);
    expect(await page.textContent("#status")).toMatch(/^6000 papers · 16000 entities/);
    await page.close();
  });

  it("a hover shows the hovered node's papers and leaves the rest of the map as it was", async () => {
    const page = await openViewer(browser, url);
    // "task 1" is named by papers 1, 3999 and others (p² mod 4000 = 1), hidden in the overview;
    // "task 900", named by 120 papers, is shown there.
    const shown = () =>
      page.evaluate(`(() => {
        const { renderer } = window.papergraph;
        const data = (node) => renderer.getNodeDisplayData(node);
        return {
          task: data("task 1").highlighted === true,
          papers: ["paper 1", "paper 3999"].filter((p) => !data(p).hidden).length,
          otherColour: data("task 900").color,
        };
      })()`) as Promise<{ task: boolean; papers: number; otherColour: string }>;
    const before = await shown();
    expect(before).toMatchObject({ task: false, papers: 0 });
    await page.evaluate(`window.papergraph.store.set({ hovered: "task 1" })`);
    const during = await shown();
    expect(during).toEqual({ task: true, papers: 2, otherColour: before.otherColour });
    await page.evaluate(`window.papergraph.store.set({ hovered: null })`);
    expect(await shown()).toEqual(before);
    await page.close();
  });
});

describe.runIf(canRunBrowser)("a map too large to draw every node and edge", () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // 35,000 papers, each with two methods of its own, and 4,000 tasks: 109,000 nodes.
    ({ browser, url, close } = await servedMap(await largeGraphDir(35_000)));
  }, 180_000);

  afterAll(() => close?.());

  /** Whether sigma draws these nodes and edges, and what the hint over the map says. */
  const drawn = (page: Page, nodes: string[], edges: [string, string][]) =>
    page.evaluate(
      `(() => {
        const { renderer, graph } = window.papergraph;
        const hint = document.getElementById("map-hint");
        return {
          nodes: ${JSON.stringify(nodes)}.map((n) => !renderer.getNodeDisplayData(n).hidden),
          edges: ${JSON.stringify(edges)}.map(([a, b]) => !renderer.getEdgeDisplayData(graph.edge(a, b)).hidden),
          hint: hint.hidden ? "" : hint.textContent,
        };
      })()`,
    ) as Promise<{ nodes: boolean[]; edges: boolean[]; hint: string }>;

  const look = async (page: Page, state: { x: number; y: number; ratio: number }) => {
    await page.evaluate(
      `window.papergraph.renderer.getCamera().setState(${JSON.stringify({ ...state, angle: 0 })})`,
    );
    // The papers in view are drawn once the camera rests.
    await page.waitForTimeout(600);
  };

  it("draws edges around a hovered node only, and papers where the camera looks once few enough", async () => {
    const page = await openViewer(browser, url, { width: 1200, height: 800 });
    // The one-paper methods are left to search; the tasks two papers or more name are drawn.
    expect(await page.textContent("#status")).toMatch(
      /^35000 papers · 371 entities · .* 73629 entities named by one paper not drawn/,
    );
    // "task 0" and "task 1" are on the overview; the link between them is not drawn until one of
    // them is pointed at.
    const link: [string, string] = ["task 0", "task 1"];
    expect(await drawn(page, link, [link])).toEqual({
      nodes: [true, true],
      edges: [false],
      hint: "",
    });
    await page.evaluate(`window.papergraph.store.set({ hovered: "task 1" })`);
    expect((await drawn(page, [], [link])).edges).toEqual([true]);
    await page.evaluate(`window.papergraph.store.set({ hovered: null })`);

    // Zoomed in over the first thread: more papers in view than are drawn at once.
    const at = (node: string) =>
      page.evaluate(
        `(() => { const d = window.papergraph.renderer.getNodeDisplayData(${JSON.stringify(node)}); return { x: d.x, y: d.y }; })()`,
      ) as Promise<{ x: number; y: number }>;
    const first = await at("paper 0");
    await look(page, { ...first, ratio: 0.34 });
    const wide = await drawn(page, ["paper 0", "paper 3"], []);
    expect(wide.nodes).toEqual([false, false]);
    expect(wide.hint).toMatch(/^Papers are drawn once 8,000 or fewer are in view/);

    // Closer, the papers in view are drawn and those far off are not.
    await look(page, { ...first, ratio: 0.02 });
    const near = await drawn(page, ["paper 0", "paper 3", "paper 34998"], []);
    expect(near).toEqual({ nodes: [true, true, false], edges: [], hint: "" });
    await screenshot(page, "sparse-map-zoomed");
    await page.close();
  }, 120_000);
});

describe.runIf(canRunBrowser)("a map of dated papers", () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const months = [
      "2025-01-10",
      "2025-01-20",
      "2025-02-03",
      "2025-02-14",
      "2025-03-01",
      "2025-03-09",
    ];
    const records = [...months, undefined, undefined].map((date, i) =>
      JSON.stringify({
        title: `Point cloud study ${i}`,
        abstract: `We train graph neural networks on ModelNet40 and ScanObjectNN for point cloud classification, study ${i}.`,
        ...(date ? { date } : {}),
      }),
    );
    const dir = await tempDir({ "papers.jsonl": `${records.join("\n")}\n` });
    const build = await papergraph(["build", "papers.jsonl", "--out", "graph", "--quiet"], dir);
    if (build.code !== 0) throw new Error(`the dated corpus did not build: ${build.stderr}`);
    ({ browser, url, close } = await servedMap(join(dir, "graph")));
  }, 120_000);

  afterAll(() => close?.());

  it("a range of months filters the map, says what undated papers do, and the address keeps it", async () => {
    const page = await openViewer(browser, url);
    const months = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".time .month-bar")).map((b) => b.getAttribute("title")),
    );
    expect(months).toEqual(["2025-01: 2 papers", "2025-02: 2 papers", "2025-03: 2 papers"]);
    expect(await visibleNodes(page, "paper")).toBe(8);
    await page.fill("#date-from", "2025-03");
    await page.dispatchEvent("#date-from", "change");
    expect(await visibleNodes(page, "paper")).toBe(2);
    expect(page.url()).toContain("from=2025-03");
    expect(await page.textContent("#date-note")).toBe(
      "2 of 8 papers, 2025-03 to 2025-03; 2 papers have no date and leave the map while a range is set",
    );
    await page.close();
  });
});
