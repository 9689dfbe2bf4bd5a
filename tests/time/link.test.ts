import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/random.js";
import { backtestGaps } from "../../src/time/backtest.js";
import { fitForest, forestScore } from "../../src/time/boosting.js";
import { type Candidate, forEachCandidate } from "../../src/time/candidates.js";
import { findGaps, gapField } from "../../src/time/gaps.js";
import type { Incidence } from "../../src/time/incidence.js";
import { pairsMet, snapshotBefore } from "../../src/time/past.js";
import { RankingMeter } from "../../src/time/ranking.js";
import { takeSnapshot } from "../../src/time/snapshot.js";
import type { EntityType } from "../../src/types.js";

/** An incidence from named entities ("method:a") and papers as [date, names]. */
function incidence(papers: [string, string[]][]): Incidence {
  const order: EntityType[] = ["method", "dataset", "task", "invariance"];
  const ids = [...new Set(papers.flatMap(([, names]) => names))].sort(
    (a, b) =>
      order.indexOf(a.split(":")[0] as EntityType) - order.indexOf(b.split(":")[0] as EntityType) ||
      a.localeCompare(b),
  );
  const types = ids.map((id) => id.split(":")[0] as EntityType);
  const ranges = Object.fromEntries(
    order.map((t) => [
      t,
      [types.indexOf(t) < 0 ? ids.length : types.indexOf(t), types.lastIndexOf(t) + 1],
    ]),
  ) as Incidence["ranges"];
  for (const t of order) if (types.indexOf(t) < 0) ranges[t] = [ids.length, ids.length];
  return {
    ids,
    labels: ids.map((id) => id.split(":")[1] as string),
    types,
    ranges,
    papers: papers.map(([date, names], i) => ({
      id: `paper:${i}`,
      date,
      entities: Int32Array.from(names.map((n) => ids.indexOf(n)).sort((a, b) => a - b)),
    })),
  };
}

const all = { before: () => true, recent: () => false };

/** Every method–task candidate of an incidence, by the names of its two ends. */
function methodTaskCandidates(field: Incidence): Map<string, Candidate> {
  const snapshot = takeSnapshot(field, all);
  const found = new Map<string, Candidate>();
  const name = (m: number) => field.labels[snapshot.members[m] as number];
  forEachCandidate(snapshot, "method-task", (c) => {
    found.set(`${name(c.a)}|${name(c.b)}`, { ...c });
  });
  return found;
}

describe("candidate pairs and their neighbourhoods", () => {
  // Three papers each: m1 with t1 and d1; m2 with d1 and d2; t2 with d1 and d2.
  const field = incidence([
    ...Array.from({ length: 3 }, (): [string, string[]] => [
      "2025-01-01",
      ["method:m1", "task:t1", "dataset:d1"],
    ]),
    ...Array.from({ length: 3 }, (): [string, string[]] => [
      "2025-01-01",
      ["method:m2", "dataset:d1", "dataset:d2"],
    ]),
    ...Array.from({ length: 3 }, (): [string, string[]] => [
      "2025-01-01",
      ["task:t2", "dataset:d1", "dataset:d2"],
    ]),
  ]);

  it("pairs only entities no paper names together", () => {
    expect([...methodTaskCandidates(field).keys()].sort()).toEqual(["m1|t2", "m2|t1", "m2|t2"]);
  });

  it("counts common neighbours and weighs each by 1/ln(its degree), as Adamic–Adar does", () => {
    const candidates = methodTaskCandidates(field);
    // d1 links m1, t1, m2, d2, t2 (degree 5); d2 links m2, d1, t2 (degree 3).
    expect(candidates.get("m2|t2")?.common).toBe(2);
    expect(candidates.get("m2|t2")?.adamicAdar).toBeCloseTo(1 / Math.log(5) + 1 / Math.log(3), 10);
    expect(candidates.get("m1|t2")?.common).toBe(1);
    expect(candidates.get("m1|t2")?.adamicAdar).toBeCloseTo(1 / Math.log(5), 10);
  });

  it("expects papers to name a pair as often as its shared neighbours' papers name each side", () => {
    const candidates = methodTaskCandidates(field);
    // d1 is named by 9 papers, 3 with m2 and 3 with t2: 3 × 3 / 9; d2 by 6, 3 with each: 3 × 3 / 6.
    expect(candidates.get("m2|t2")?.expected).toBeCloseTo(1 + 1.5, 10);
    expect(candidates.get("m1|t2")?.expected).toBeCloseTo(1, 10);
  });

  it("leaves out entities named by fewer than 3 papers", () => {
    const rare = incidence([
      ...Array.from({ length: 3 }, (): [string, string[]] => [
        "2025-01-01",
        ["method:m1", "dataset:d1"],
      ]),
      ["2025-01-01", ["task:t9", "dataset:d1"]],
    ]);
    expect(methodTaskCandidates(rare).size).toBe(0);
  });

  it("counts as met a pair that two papers after the cutoff name together, not one", () => {
    const later = incidence([
      ...Array.from({ length: 3 }, (): [string, string[]] => [
        "2025-01-10",
        ["method:m1", "dataset:d1"],
      ]),
      ...Array.from({ length: 3 }, (): [string, string[]] => [
        "2025-01-10",
        ["task:t1", "dataset:d1"],
      ]),
      ...Array.from({ length: 3 }, (): [string, string[]] => [
        "2025-01-10",
        ["task:t2", "dataset:d1"],
      ]),
      ["2025-03-01", ["method:m1", "task:t1"]],
      ["2025-03-02", ["method:m1", "task:t1"]],
      ["2025-03-03", ["method:m1", "task:t2"]],
    ]);
    const snapshot = snapshotBefore(later, "2025-02-01");
    const met = pairsMet(later, snapshot, "2025-02-01", "9999-12-31");
    expect(met.size).toBe(1);
  });
});

describe("ranking scores over a stream of candidates", () => {
  function measure(positives: number[], negatives: number[]) {
    const meter = new RankingMeter(positives);
    for (const s of positives) meter.observe(s, true);
    for (const s of negatives) meter.observe(s, false);
    for (const s of [...positives, ...negatives]) meter.recount(s);
    return meter.scores();
  }

  it("gives ROC-AUC 1 to a perfect ranking and 0.5 to one that ties everything", () => {
    expect(measure([5, 4], [1, 2, 3]).auc).toBe(1);
    expect(measure([1, 1], [1, 1, 1]).auc).toBe(0.5);
  });

  it("counts a tie between a positive and a negative as half a win", () => {
    // 3 beats all three negatives; 2 beats 1 and 0 and ties 2: (3 + 2.5) / 6.
    expect(measure([3, 2], [1, 0, 2]).auc).toBeCloseTo(5.5 / 6, 4);
  });

  it("shares out the ties at the K-th place as a random order would", () => {
    // 150 tied at the top, 30 of them positive: any 100 of them hold 20 positives on average.
    const scores = measure(new Array(30).fill(1), [
      ...new Array(120).fill(1),
      ...new Array(900).fill(0),
    ]);
    expect(scores.precisionAt100).toBeCloseTo(0.2, 10);
    expect(scores.precisionAt1000).toBeCloseTo(30 / 1000, 10);
  });
});

describe("boosted trees", () => {
  it("learn an interaction a linear score cannot: the second feature's threshold moves with the first", () => {
    const rows: number[][] = [];
    const outcomes: boolean[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) {
        rows.push([i / 40, j / 40]);
        outcomes.push(i >= 20 ? j >= 30 : j >= 10);
      }
    const forest = fitForest(rows, outcomes, {
      rounds: 50,
      depth: 2,
      learningRate: 0.3,
      minLeaf: 5,
      lambda: 1,
      bins: 16,
    });
    expect(forestScore(forest, [0.1, 0.5])).toBeGreaterThan(0);
    expect(forestScore(forest, [0.9, 0.5])).toBeLessThan(0);
    expect(forestScore(forest, [0.9, 0.9])).toBeGreaterThan(0);
    expect(forestScore(forest, [0.1, 0.1])).toBeLessThan(0);
  });

  it("count a weighted row as that many rows", () => {
    const rows = [[0], [0], [1], [1]];
    const options = { rounds: 30, depth: 1, learningRate: 0.5, minLeaf: 1, lambda: 0.01, bins: 4 };
    const even = fitForest(rows, [true, false, true, false], options);
    const weighted = fitForest(rows, [true, false, true, false], options, [1, 3, 1, 1]);
    expect(forestScore(even, [0])).toBeCloseTo(0, 2);
    expect(forestScore(weighted, [0])).toBeLessThan(-0.5);
  });
});

describe("gaps fitted on a field's own past", () => {
  /**
   * Four schools, each with its 12 methods, 12 tasks and 4 datasets; each month's 60 papers name
   * one of each, of one school, the popular ones more often. Pairs across schools never meet;
   * within one, they meet over the months.
   */
  function schools(): Incidence {
    const random = seededRandom(3);
    const pick = (n: number) => Math.floor(n * random() ** 2);
    const papers: [string, string[]][] = [];
    for (let month = 1; month <= 12; month++)
      for (let i = 0; i < 60; i++) {
        const school = Math.floor(random() * 4);
        const day = `2025-${String(month).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
        papers.push([
          day,
          [
            `method:s${school}m${pick(12)}`,
            `task:s${school}t${pick(12)}`,
            `dataset:s${school}d${pick(4)}`,
          ],
        ]);
      }
    return incidence(papers);
  }

  it("learns from the pairs that met, and puts only pairs of one school at the top", () => {
    const report = findGaps(gapField(schools()), { limit: 10 });
    expect(report.scorer).toBe("fitted");
    expect(report.gaps).toHaveLength(10);
    for (const gap of report.gaps) expect(gap.a.label.slice(0, 2)).toBe(gap.b.label.slice(0, 2));
  });

  it("backtests the same way twice, and ranks better than chance", () => {
    const field = schools();
    const first = backtestGaps(field, "2025-09-01");
    expect(first.positives).toBeGreaterThan(0);
    expect(first.scorer).toBe("fitted");
    expect(first.scores.papergraph.auc).toBeGreaterThan(0.9);
    expect(first.scores.preferentialAttachment.auc).toBeLessThan(0.6);
    expect(JSON.stringify(backtestGaps(field, "2025-09-01"))).toBe(JSON.stringify(first));
  });
});
