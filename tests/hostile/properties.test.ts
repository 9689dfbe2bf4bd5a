import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xmlText } from "../../src/export/xml.js";
import { extractPapers } from "../../src/extract/index.js";
import { decodeText, IngestError, type InputFormat, readEntries } from "../../src/ingest/index.js";

const FORMATS: InputFormat[] = ["capture", "jsonl", "json", "csv", "tsv", "bibtex", "atom"];

/** Text shaped like each format's syntax, so the fuzzing reaches past the first character. */
const syntaxy = fc.stringMatching(/^[{}[\]"',:\\@<>/=!?\-\n\r\t a-zA-Z0-9αβ→\u202e]{0,300}$/);
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  syntaxy,
);

/** XML 1.0's Char production, negated. */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Records or a clear IngestError; anything else thrown is a bug. */
function readOrRefuse(text: string, format: InputFormat): void {
  try {
    const { entries, problems } = readEntries(text, `fuzz.${format}`, format);
    for (const entry of entries) expect(entry.title.trim()).not.toBe("");
    for (const problem of problems) expect(problem.file).toBe(`fuzz.${format}`);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    expect(error.message.startsWith(`fuzz.${format}`)).toBe(true);
  }
}

describe("readers on arbitrary text", () => {
  for (const format of FORMATS) {
    it(`${format}: records or a clear error, never a crash`, () => {
      fc.assert(
        fc.property(anyText, (text) => readOrRefuse(text, format)),
        // "<A/": a tag cut off at the end passed the XML validator and crashed the parser.
        { numRuns: 300, examples: [["<A/"], ["<feed><entry/"]] },
      );
    });
  }

  it("JSON records with arbitrary field values", () => {
    const record = fc.dictionary(
      fc.constantFrom("title", "abstract", "summary", "authors", "id", "date", "url", "x"),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        readOrRefuse(records.map((r) => JSON.stringify(r)).join("\n"), "jsonl");
        readOrRefuse(JSON.stringify(records), "json");
      }),
      { numRuns: 300 },
    );
  });

  it("any bytes decode to text or a clear error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          expect(typeof decodeText(bytes, "fuzz.bin")).toBe("string");
        } catch (error) {
          if (!(error instanceof IngestError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the extractor on arbitrary text", () => {
  it("never crashes, and every mention's span lies in its field", () => {
    fc.assert(
      fc.property(anyText, anyText, (title, abstract) => {
        const { papers } = extractPapers([{ id: "p", title: title || "t", abstract, sources: [] }]);
        for (const m of papers[0]?.mentions ?? []) {
          const field = m.field === "title" ? title || "t" : abstract;
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(field.length);
          expect(m.start).toBeLessThan(m.end);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("XML escaping of arbitrary text", () => {
  const fromXml = (text: string) =>
    text
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&apos;", "'")
      .replaceAll("&amp;", "&");

  it("leaves no markup and no character XML forbids, and loses nothing else", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const escaped = xmlText(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
        expect(escaped).not.toMatch(FORBIDDEN_IN_XML);
        expect(fromXml(escaped)).toBe(text.replace(new RegExp(FORBIDDEN_IN_XML, "gu"), ""));
      }),
      { numRuns: 1000 },
    );
  });
});
