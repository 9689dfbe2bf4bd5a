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
