import { describe, expect, it } from "vitest";
import type { FieldSeries, Series } from "../../src/time/series.js";
import { findTrends } from "../../src/time/trends.js";

/** A field of `months` months from 2025-01, 100 papers each, and entities' monthly counts. */
function field(months: number, entities: Record<string, number[]>): FieldSeries {
  const names = Array.from({ length: months }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
  const series: Series[] = Object.entries(entities).map(([label, counts]) => ({
    id: `method:${label}`,
    label,
    type: "method",
    monthly: Int32Array.from(counts),
    total: counts.reduce((a, b) => a + b, 0),
  }));
  return { timeline: { months: names, papers: names.map(() => 100), undated: 0 }, series };
}

describe("rising, new and fading", () => {
  const year = field(12, {
    steady: new Array(12).fill(5),
    rising: [1, 1, 1, 1, 1, 1, 1, 1, 1, 12, 15, 18],
    fresh: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4],
    fading: [20, 20, 20, 20, 20, 20, 2, 1, 1, 0, 1, 0],
  });

  it("finds the burst running into the recent months, with its months, and nothing steady", () => {
    const { since, rising } = findTrends(year);
    expect(since).toBe("2025-07");
    expect(rising.map((t) => t.label)).toContain("rising");
    expect(rising.map((t) => t.label)).not.toContain("steady");
    expect(rising.find((t) => t.label === "rising")?.burst).toMatchObject({
      start: "2025-10",
      end: "2025-12",
    });
  });

  it("calls new what was first named in the recent months by three papers or more", () => {
    const report = findTrends(year);
    expect(report.new.map((t) => t.label)).toEqual(["fresh"]);
    expect(report.new[0]?.first).toBe("2025-11");
  });

  it("calls fading what the recent months name at under half its earlier share", () => {
    const { fading } = findTrends(year);
    expect(fading.map((t) => t.label)).toEqual(["fading"]);
    expect(fading[0]?.change?.before).toBeCloseTo(0.2, 4);
  });

  it("takes the later half of a corpus of a few months as its recent months", () => {
    const short = field(3, { a: [1, 2, 3] });
    expect(findTrends(short).since).toBe("2025-02");
  });
});
