import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { papergraph, tempDir } from "../helpers/cli.js";

/** 499 real arXiv abstracts (CC0 metadata), one in 150 of those listed 2025-03 to 2026-07. */
const EXCERPT = join(import.meta.dirname, "..", "fixtures", "arxiv", "excerpt.jsonl");

let out: string;

beforeAll(async () => {
  out = join(await tempDir(), "build");
  const built = await papergraph(["build", EXCERPT, "--out", out, "-q", "--workers", "1"]);
  expect(built.code, built.stderr).toBe(0);
}, 120_000);

describe("papergraph trends", () => {
  it("counts the papers month by month and lists what is new since a month, with its first month", async () => {
    const { code, stdout } = await papergraph([
      "trends",
      "-g",
      out,
      "--since",
      "2026-01",
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.months[0]).toBe("2025-03");
    expect(report.months.at(-1)).toBe("2026-07");
    expect(report.papers.reduce((a: number, b: number) => a + b, 0) + report.undated).toBe(499);
    expect(report.since).toBe("2026-01");
    expect(report.new.length).toBeGreaterThan(0);
    for (const trend of report.new) {
      expect(trend.first >= "2026-01").toBe(true);
      expect(trend.papers).toBeGreaterThanOrEqual(3);
      expect(trend.monthly).toHaveLength(report.months.length);
    }
  });

  it("prints each list with a bar a month, and says what the bars are", async () => {
    const { code, stdout } = await papergraph(["trends", "-g", out, "--since", "2026-01"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^499 papers by month, 2025-03 to 2026-07; recent months from 2026-01$/m,
    );
    expect(stdout).toContain("(bars: each month's share of the papers naming it");
    expect(stdout).toMatch(
      /New \(first named since 2026-01, by several papers\):\n\s+1\. .+ [▁▂▃▄▅▆▇█ ]+ first 2026-/,
    );
    expect(stdout).toMatch(/^Rising .*/m);
    expect(stdout).toMatch(/^Fading .*/m);
  });

  it("keeps to one type, threads included", async () => {
    const { stdout } = await papergraph([
      "trends",
      "-g",
      out,
      "--type",
      "thread",
      "--since",
      "2025-06",
      "--json",
    ]);
    const report = JSON.parse(stdout);
    for (const list of [report.rising, report.new, report.fading])
      for (const trend of list) expect(trend.type).toBe("thread");
  });

  it("refuses a month that is no month, and a type that is none", async () => {
    const month = await papergraph(["trends", "-g", out, "--since", "2026-13"]);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain(
      '--since must be a month (YYYY-MM) or a day (YYYY-MM-DD), got "2026-13"',
    );
    const type = await papergraph(["trends", "-g", out, "--type", "paper"]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain(
      "--type must be one of method, dataset, task, invariance, thread",
    );
  });
});

describe("papergraph gaps", () => {
  it("lists pairs no paper names together, strongest first, each with the neighbours both share", async () => {
    const { code, stdout } = await papergraph(["gaps", "-g", out, "--limit", "5", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // Too few pairs met in 499 papers' last months to fit a model: it says so and ranks by Adamic-Adar.
    expect(report.scorer).toBe("adamic-adar");
    expect(report.because).toMatch(/too few to learn from/);
    expect(report.gaps).toHaveLength(5);
    const scores = report.gaps.map((g: { score: number }) => g.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const gap of report.gaps) {
      expect(gap.common).toBeGreaterThan(0);
      expect(gap.shared.length).toBeGreaterThan(0);
      expect(gap.a.papers).toBeGreaterThanOrEqual(3);
    }
  });

  it("answers for one concept, of the pair types asked, and never names a pair a paper already joins", async () => {
    const { code, stdout } = await papergraph([
      "gaps",
      "large language model",
      "-g",
      out,
      "--pair",
      "method-task",
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.concept.label).toBe("large language model");
    expect(report.gaps.length).toBeGreaterThan(0);
    for (const gap of report.gaps) {
      expect(gap.pairType).toBe("method-task");
      expect(gap.a.id).toBe(report.concept.id);
    }
    const partners = await papergraph([
      "neighbors",
      "large language model",
      "-g",
      out,
      "--type",
      "task",
      "--limit",
      "1000",
      "--json",
    ]);
    const linked = new Set(JSON.parse(partners.stdout).neighbors.map((n: { id: string }) => n.id));
    for (const gap of report.gaps) expect(linked.has(gap.b.id)).toBe(false);
  });

  it("says when a concept is named by too few papers to tell its next partners", async () => {
    const { code, stdout } = await papergraph(["gaps", "O-Net", "-g", out]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "  none: O-Net is named by fewer than 3 papers, too few to tell its next partners",
    );
  });

  it("backtests at a cutoff, the four scorers side by side, the same twice", async () => {
    const args = ["gaps", "-g", out, "--backtest", "--cutoff", "2025-09-01", "--json"];
    const first = await papergraph(args);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.cutoff).toBe("2025-09-01");
    expect(report.candidates).toBeGreaterThan(0);
    expect(Object.keys(report.scores)).toEqual([
      "papergraph",
      "preferentialAttachment",
      "commonNeighbours",
      "adamicAdar",
    ]);
    for (const s of Object.values(report.scores) as { auc: number }[])
      expect(s.auc).toBeGreaterThanOrEqual(0);
    expect((await papergraph(args)).stdout).toBe(first.stdout);
  });

  it("refuses a backtest without a cutoff day, and pair types it does not know", async () => {
    const none = await papergraph(["gaps", "-g", out, "--backtest"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--backtest needs --cutoff YYYY-MM-DD");
    const bad = await papergraph(["gaps", "-g", out, "--backtest", "--cutoff", "2026-02-30"]);
    expect(bad.code).toBe(2);
    const pair = await papergraph(["gaps", "-g", out, "--pair", "method-paper"]);
    expect(pair.code).toBe(2);
    expect(pair.stderr).toContain(
      "--pair must be one of method-task, method-dataset, task-dataset, task-invariance",
    );
  });
});
