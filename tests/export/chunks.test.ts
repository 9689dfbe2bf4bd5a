import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunked, jsonChunksOf } from "../../src/io/index.js";

/** The largest string V8 keeps in its young generation is below 128 KiB: a chunk must stay under. */
const YOUNG_STRING_LIMIT = 64 * 1024;

describe("documents written in chunks", () => {
  it("writes any JSON value exactly as JSON.stringify does", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonChunksOf(value)].join("")).toBe(JSON.stringify(value));
      }),
    );
    const odd = { a: undefined, b: [1, undefined, () => 1], c: {}, d: [], e: NaN, f: -0 };
    expect([...jsonChunksOf(odd)].join("")).toBe(JSON.stringify(odd));
  });

  it("never holds a large member whole: a viewer map's columns come in small chunks", () => {
    const columns = {
      keys: Array.from({ length: 200_000 }, (_, i) => `method:entity-${i}`),
      x: Array.from({ length: 200_000 }, (_, i) => i / 7),
    };
    const chunks = [...jsonChunksOf(columns)];
    expect(chunks.length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(YOUNG_STRING_LIMIT);
    expect(chunks.join("")).toBe(JSON.stringify(columns));
  });

  it("joins many items into few chunks, each below the limit, however long the items", () => {
    const label = "a paper title of some length, as a GEXF node carries it".repeat(3);
    const items = Array.from({ length: 50_000 }, (_, i) => `<node id="${i}" label="${label}"/>`);
    const chunks = [...chunked(items, (item) => item)];
    expect(chunks.length).toBeLessThan(1000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(YOUNG_STRING_LIMIT);
    expect(chunks.join("")).toBe(items.join(""));
  });
});
