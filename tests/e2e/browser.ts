import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { type Curator, createViewerServer, VIEWER_DIR } from "../../src/serve/index.js";
import { papergraph, tempDir } from "../helpers/cli.js";
import { CHROMIUM, REQUIREMENTS } from "../helpers/requirements.js";

/** End-to-end tests run where Chromium is installed, and always in CI (where a missing one fails them). */
export const canRunBrowser = REQUIREMENTS.chromium.met;

export const ARTIFACTS = join(import.meta.dirname, "..", ".artifacts");

export async function launch(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--allow-file-access-from-files",
    ],
  });
}

/** Opens a viewer page and waits until it has loaded its graph (or failed to). */
export async function openViewer(
  browser: Browser,
  url: string,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
  const ready = await page.evaluate(() => document.body.dataset.ready);
  if (ready !== "true")
    throw new Error(
      `the viewer did not load: ${await page.textContent("#status")} ${errors.join("; ")}`,
    );
  // Let sigma draw its first frames.
  await page.waitForTimeout(800);
  return page;
}

/** Share of the map's pixels that are not background: the canvas drew something. */
export async function inkOnMap(page: Page, name: string): Promise<number> {
  const box = await page.locator("#map").boundingBox();
  if (!box) return 0;
  const image = PNG.sync.read(
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), clip: box }),
  );
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [
      image.data[i] as number,
      image.data[i + 1] as number,
      image.data[i + 2] as number,
    ];
    if (r < 235 || g < 235 || b < 235) ink++;
  }
  return ink / (image.width * image.height);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** What the viewer shows, read through the handle it leaves on window for the console. */
export function visibleNodes(page: Page, type?: string): Promise<number> {
  return page.evaluate(
    (t) =>
      (
        window as unknown as { papergraph: { visibleNodes(type?: string): number } }
      ).papergraph.visibleNodes(t),
    type,
  );
}

/** The built viewer and a build folder served on a free loopback port, as `papergraph serve` does. */
export async function serveGraph(
  graphDir: string,
  curator?: Curator,
): Promise<{ server: Server; url: string }> {
  const server = createViewerServer({ viewerDir: VIEWER_DIR, graphDir, curator });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** A build folder served, a browser to look at it with, and how to close both. */
export async function servedMap(
  graphDir: string,
  curator?: Curator,
): Promise<{ browser: Browser; url: string; close: () => Promise<void> }> {
  const { server, url } = await serveGraph(graphDir, curator);
  const browser = await launch();
  return {
    browser,
    url,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** The shipped corpus built into a fresh folder, served, and a browser to look at it with. */
export async function shippedMap(): Promise<{
  browser: Browser;
  url: string;
  dir: string;
  close: () => Promise<void>;
}> {
  const dir = await tempDir();
  const build = await papergraph(["build", "--out", join(dir, "graph"), "--quiet"]);
  if (build.code !== 0) throw new Error(`the shipped corpus did not build: ${build.stderr}`);
  return { ...(await servedMap(join(dir, "graph"))), dir };
}
