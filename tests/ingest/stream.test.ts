import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, ingestPaths, papersFromTexts } from "../../src/ingest/index.js";
import { fileTooLarge, WHOLE_FILE_MAX_BYTES } from "../../src/ingest/limits.js";
import { tempDir } from "../helpers/cli.js";

function records(count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) {
    const abstract =
      `Paper ${i} studies rotation-invariant networks, équivariance and sets. `.repeat(12);
    text += `${JSON.stringify({ title: `Paper number ${i}`, abstract, date: "2024-01-02" })}\r\n`;
  }
  return text;
}

describe("streamed JSON Lines and CSV", () => {
  it("read across 1 MB chunks (and CRLF split between them) give what a whole-file read gives", async () => {
    const text = records(4000);
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    const dir = await tempDir({ "big.jsonl": text });
    const streamed = await ingestPaths(["big.jsonl"], { cwd: dir });
    const whole = papersFromTexts([{ file: "big.jsonl", text }]);
    expect(streamed.papers).toEqual(whole.papers);
    expect(streamed.papers).toHaveLength(4000);
    expect(streamed.papers[3999]?.sources).toEqual([{ file: "big.jsonl", line: 4000 }]);
  });

  it("CSV rows stream with their line numbers, quoted newlines included", async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `"Paper ${i}","Line one\nline two, of ${"x".repeat(600)}"`,
    );
    const text = `title,abstract\n${rows.join("\n")}\n`;
    const dir = await tempDir();
    await writeFile(join(dir, "big.csv"), text);
    const { papers } = await ingestPaths(["big.csv"], { cwd: dir });
    expect(papers).toHaveLength(2000);
    expect(papers[1999]?.sources).toEqual([{ file: "big.csv", line: 2 + 1999 * 2 }]);
    expect(papers).toEqual(papersFromTexts([{ file: "big.csv", text }]).papers);
  });

  it("stops at the first bad record in the file's order, and with --skip-bad keeps what came before a break", async () => {
    // A record with no title on line 2, a malformed one on line 3, and past 2 MB of good records a
    // byte no UTF-8 has: the reading breaks in the 1 MB chunk that holds it.
    const text = `${records(1)}{"abstract": "untitled"}\n{"title": \n${records(3000)}`;
    const broken = Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0x0a])]);
    const dir = await tempDir();
    await writeFile(join(dir, "big.jsonl"), broken);
    await expect(ingestPaths(["big.jsonl"], { cwd: dir })).rejects.toThrow(
      "big.jsonl:2: record has no title",
    );
    const skipped: string[] = [];
    const { papers, summary } = await ingestPaths(["big.jsonl"], {
      cwd: dir,
      skipBad: true,
      onSkip: (problem) => skipped.push(`${problem.line}: ${problem.message}`),
    });
    expect(skipped).toEqual([
      "2: record has no title",
      expect.stringMatching(/^3: malformed JSON/),
      "3004: not valid UTF-8 text",
    ]);
    expect(summary.skipped).toBe(3);
    // The records of the chunks before the break are kept; those of its chunk are not read.
    expect(papers.length).toBeGreaterThan(2000);
    expect(papers.length).toBeLessThan(3001);
    // Paper number 0 comes twice (lines 1 and 4): one paper, both its records.
    expect(papers[0]?.sources).toEqual([
      { file: "big.jsonl", line: 1 },
      { file: "big.jsonl", line: 4 },
    ]);
  });

  it("files read whole are refused past what a string can hold; streamed ones only past --max-file-size", () => {
    const big = WHOLE_FILE_MAX_BYTES + 1;
    expect(fileTooLarge(big, DEFAULT_LIMITS, true)).toMatch(
      /too large to read whole; give it as JSON Lines or CSV/,
    );
    expect(fileTooLarge(big, DEFAULT_LIMITS, false)).toBeUndefined();
    expect(fileTooLarge(big, { ...DEFAULT_LIMITS, maxFileBytes: 1024 }, false)).toMatch(
      /over the limit of 0\.0 MB \(--max-file-size\)/,
    );
  });
});
