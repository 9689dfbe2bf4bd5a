import { describe, expect, it } from "vitest";
import { detectBursts } from "../../src/time/burst.js";
import { gSquared } from "../../src/time/trends.js";

const months = (n: number, value: number) => new Array<number>(n).fill(value);

describe("Kleinberg's burst detector over monthly counts", () => {
  it("finds no burst where an entity keeps its share of the papers", () => {
    expect(detectBursts(months(12, 5), months(12, 100))).toEqual([]);
  });

  it("finds the months where the share runs far above the usual, and nothing else", () => {
    const counts = [2, 2, 2, 2, 2, 20, 22, 18, 2, 2, 2, 2];
    const bursts = detectBursts(counts, months(12, 100));
    expect(bursts.map(({ start, end }) => [start, end])).toEqual([[5, 7]]);
    expect(bursts[0]?.strength).toBeGreaterThan(20);
  });

  it("reads counts against the month's papers: more mentions in a month of more papers is no burst", () => {
    const totals = [100, 100, 100, 400, 400, 400];
    expect(detectBursts([3, 3, 3, 12, 12, 12], totals)).toEqual([]);
    expect(detectBursts([3, 3, 3, 3, 3, 3], [100, 100, 100, 25, 25, 25])).toHaveLength(1);
  });

  it("asks more of a burst as entering one costs more", () => {
    const counts = [2, 2, 2, 2, 5, 2, 2, 2, 2, 2];
    expect(detectBursts(counts, months(10, 100), { s: 2, gamma: 0.1 })).toHaveLength(1);
    expect(detectBursts(counts, months(10, 100), { s: 2, gamma: 3 })).toHaveLength(0);
  });

  it("runs a burst to the last month when it has not ended", () => {
    const bursts = detectBursts([1, 1, 1, 1, 1, 1, 8, 9, 10], months(9, 100));
    expect(bursts.at(-1)?.end).toBe(8);
  });

  it("skips months without papers and entities never named", () => {
    expect(detectBursts([0, 0, 0], [10, 0, 10])).toEqual([]);
    expect(detectBursts([1, 1, 1, 1, 0, 9, 9], [50, 50, 50, 50, 0, 50, 50])).toEqual([
      expect.objectContaining({ start: 5, end: 6 }),
    ]);
  });
});

describe("G² of a change in share", () => {
  it("is 0 for the same share and grows with the change and the counts", () => {
    expect(gSquared(10, 100, 20, 200)).toBeCloseTo(0, 10);
    const small = gSquared(10, 100, 2, 100);
    expect(small).toBeGreaterThan(3.84);
    expect(gSquared(100, 1000, 20, 1000)).toBeGreaterThan(small);
  });
});
