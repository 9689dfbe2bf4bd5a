import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanText, ingestPaths } from "../../src/ingest/index.js";
import type { Paper } from "../../src/types.js";
import { CORPUS } from "../helpers/cli.js";

const CHROME =
  /^(new|subscribe|daily papers|by ?ak and the research community|get trending papers.*)$/i;

describe("the shipped corpus", () => {
  let papers: Paper[];
  let summary: Awaited<ReturnType<typeof ingestPaths>>["summary"];
  const lines = new Map<string, string[]>();

  beforeAll(async () => {
    ({ papers, summary } = await ingestPaths(["."], { cwd: CORPUS }));
    for (const name of await readdir(CORPUS)) {
      lines.set(name, (await readFile(join(CORPUS, name), "utf8")).split("\n"));
    }
  });

  it("holds between 480 and 500 distinct papers from its five captures", () => {
    expect(summary.files).toBe(5);
    expect(summary.formats).toEqual({ capture: 5 });
    expect(summary.papers).toBeGreaterThanOrEqual(480);
    expect(summary.papers).toBeLessThanOrEqual(500);
    expect(summary.duplicates).toBe(summary.entries - summary.papers);
    expect(summary.skipped).toBe(0);
  });

  it("reads one entry per abstract line in the captures: none lost, none invented", () => {
    // Every abstract in a capture is a long line; each must belong to exactly one entry.
    let abstractLines = 0;
    for (const fileLines of lines.values())
      abstractLines += fileLines.filter((l) => l.trim().length >= 250).length;
    expect(summary.entries).toBe(abstractLines);
  });

  it("takes every title from the line its source names (its LaTeX read), never from chrome", () => {
    for (const paper of papers) {
      expect(paper.title).not.toMatch(CHROME);
      expect(paper.title).not.toMatch(/^Subscribe/);
      for (const source of paper.sources) {
        // "Rayleigh--Bénard convection" is read as "Rayleigh-Bénard convection".
        const line = cleanText(lines.get(source.file)?.[(source.line ?? 0) - 1] ?? "");
        expect(
          line === paper.title || line === `Subscribe${paper.title}`,
          `${source.file}:${source.line}`,
        ).toBe(true);
      }
    }
  });

  it("merges repeated titles across captures, keeping every source", () => {
    const repeated = papers.filter((p) => p.sources.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.reduce((n, p) => n + p.sources.length - 1, 0)).toBe(summary.duplicates);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });

  it("dates the papers of the capture that carries publication dates", () => {
    const dated = papers.filter((p) => p.sources.some((s) => s.file.startsWith("002_")));
    const withDate = dated.filter((p) => p.date !== undefined);
    // One entry of that capture ("Robust Layerwise Scaling Rules ...") has no metadata block.
    expect(withDate.length).toBeGreaterThanOrEqual(dated.length - 1);
    expect(withDate.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.date ?? ""))).toBe(true);
  });

  it("removes link debris but keeps Unicode", () => {
    const all = papers.map((p) => p.abstract).join("\n");
    expect(all).not.toMatch(/https?:\/\/[^\s{}]+\{https?:/);
    expect(all).toMatch(/λ/);
  });
});
