/**
 * Curator mode end to end: two nodes merged and a third dropped in the viewer, in Chromium, and
 * what the user said still holds in a build from scratch and after an add of new papers.
 */
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import { suggestMerges } from "../../src/curate/index.js";
import { buildCurator } from "../../src/serve/index.js";
import { CORPUS, papergraph, tempDir } from "../helpers/cli.js";
import { canRunBrowser, openViewer, screenshot, servedMap } from "./browser.js";

/** Chooses a node by the search box, as a user does. */
async function searchAndChoose(page: Page, label: string, id: string): Promise<void> {
  await page.fill("#search", label);
  const option = page.locator(`#suggestions .suggestion[data-id="${id}"]`);
  await option.waitFor();
  await option.click();
}

/** Applies the fix the dialog shows, and waits for the page the rebuild reloads. */
async function applyFix(page: Page, expected: RegExp): Promise<void> {
  await page.locator("#fix-dialog[open]").waitFor();
  expect(await page.textContent("#fix-text")).toMatch(expected);
  await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), page.click("#fix-apply")]);
  await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
}

const hasNode = (page: Page, id: string) =>
  page.evaluate(
    (node) =>
      (
        window as unknown as { papergraph: { graph: { hasNode(n: string): boolean } } }
      ).papergraph.graph.hasNode(node),
    id,
  );

describe.runIf(canRunBrowser)("curator mode in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let url: string;
  let dir: string;
  /** The merge the viewer makes (the strongest suggestion), and the entity it drops. */
  let merged: { id: string; label: string };
  let kept: { id: string; label: string };
  let dropped: { id: string; label: string };

  beforeAll(async () => {
    dir = await tempDir();
    // A copy of the corpus: the corrections file is written beside it.
    await cp(CORPUS, join(dir, "corpus"), { recursive: true });
    expect((await papergraph(["build", "corpus", "--out", "graph", "--quiet"], dir)).code).toBe(0);
    const graph = await loadGraph("graph", dir);
    const [suggestion] = suggestMerges(graph, 1);
    if (!suggestion) throw new Error("the shipped corpus gave no merge suggestion");
    merged = suggestion.entity;
    kept = suggestion.into;
    const candidates = graph
      .filterNodes((node, a) => a.type === "dataset" && node !== merged.id && node !== kept.id)
      .sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
    const id = candidates[0] as string;
    dropped = { id, label: graph.getNodeAttribute(id, "label") };
    const curator = buildCurator({ out: "graph", cwd: dir });
    ({ browser, url, close } = await servedMap(join(dir, "graph"), curator));
  }, 180_000);

  afterAll(() => close?.());

  it("merges two nodes and drops a third; a build from scratch and an add keep both", async () => {
    const page = await openViewer(browser, `${url}?node=${encodeURIComponent(merged.id)}`);
    await page.click("#curate");
    expect(await page.getAttribute("#curate", "aria-pressed")).toBe("true");
    await page.click('#panel [data-fix="merge"]');
    expect(await page.textContent("#status")).toContain(`Merge "${merged.label}" into…`);
    await searchAndChoose(page, kept.label, kept.id);
    await applyFix(
      page,
      new RegExp(`^Merge "${literal(merged.label)}" .* into "${literal(kept.label)}"`),
    );
    // The page came back curating, with the merged-into node selected, and the other gone.
    expect(await page.textContent("#panel h2")).toBe(kept.label);
    expect(await page.getAttribute("#curate", "aria-pressed")).toBe("true");
    expect(await hasNode(page, merged.id)).toBe(false);
    expect(await page.textContent("#panel .aliases")).toContain(merged.label);

    await searchAndChoose(page, dropped.label, dropped.id);
    await page.click('#panel [data-fix="drop"]');
    await applyFix(page, new RegExp(`^Drop "${literal(dropped.label)}" \\(dataset, \\d+ papers?`));
    expect(await hasNode(page, dropped.id)).toBe(false);
    expect(await page.locator("#panel").isHidden()).toBe(true);
    await screenshot(page, "curate-after-drop");
    await page.close();

    const corrections = await readFile(join(dir, "corpus", "papergraph-corrections.jsonl"), "utf8");
    expect(
      corrections
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { action: "merge", entity: merged.id, into: kept.id },
      { action: "drop", entity: dropped.id },
    ]);

    // A build from scratch, in a new folder, reads the corrections beside the corpus.
    const fresh = await papergraph(["build", "corpus", "--out", "fresh", "--json"], dir);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout).corrections).toEqual({ applied: 2, unused: [] });
    let graph = await loadGraph("fresh", dir);
    expect(graph.hasNode(merged.id)).toBe(false);
    expect(graph.hasNode(kept.id)).toBe(true);
    expect(graph.hasNode(dropped.id)).toBe(false);

    // New papers that name both again: the merge and the drop hold for them too.
    const paper = {
      title: `Revisiting ${merged.label} on ${dropped.label}`,
      abstract: `We apply ${merged.label} to ${dropped.label} and compare with ${kept.label}.`,
    };
    await writeFile(join(dir, "new.jsonl"), `${JSON.stringify(paper)}\n`);
    const added = await papergraph(["add", "new.jsonl", "--out", "fresh", "--quiet"], dir);
    expect(added.stderr).toBe("");
    graph = await loadGraph("fresh", dir);
    expect(graph.filterNodes((_, a) => a.type === "paper")).toHaveLength(491);
    expect(graph.hasNode(merged.id)).toBe(false);
    expect(graph.hasNode(dropped.id)).toBe(false);
    expect(await readdir(join(dir, "corpus"))).toContain("papergraph-corrections.jsonl");
  }, 180_000);

  it("in an offline HTML export, a fix downloads as a corrections file", async () => {
    expect(
      (await papergraph(["export", "-f", "html", "-g", "graph", "-o", "map.html"], dir)).code,
    ).toBe(0);
    const page = await openViewer(
      browser,
      `${pathToFileURL(join(dir, "map.html")).href}?node=${encodeURIComponent(kept.id)}`,
    );
    await page.click("#curate");
    await page.click('#panel [data-fix="drop"]');
    await page.locator("#fix-dialog[open]").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#fix-apply")]);
    expect(download.suggestedFilename()).toBe("papergraph-corrections.jsonl");
    const text = await readFile((await download.path()) as string, "utf8");
    expect(JSON.parse(text.trim())).toEqual({ action: "drop", entity: kept.id });
    await page.close();
  });
});

/** A label as a literal in a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
