import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, papergraph, tempDir } from "../helpers/cli.js";

const HOSTILE = join(FIXTURES, "hostile");

/**
 * Every hostile file gets either records (exit 0) or one line on stderr naming the file and, where
 * it has one, the line or record (exit 1). Never a crash, a stack trace or a hang.
 */
const EXPECTED: { file: string; papers?: number; error?: RegExp }[] = [
  { file: "empty.jsonl", error: /empty\.jsonl: empty file: no records$/ },
  { file: "whitespace-only.csv", error: /whitespace-only\.csv: empty file: no records$/ },
  { file: "binary.bin", error: /binary\.bin:3: binary content \(NUL byte\): not a text file$/ },
  { file: "truncated.json", error: /truncated\.json:3: malformed JSON: Unterminated string/ },
  { file: "invalid-utf8.jsonl", error: /invalid-utf8\.jsonl:2: not valid UTF-8 text$/ },
  { file: "bom-utf8.csv", papers: 1 },
  { file: "bom-utf16le.jsonl", papers: 1 },
  { file: "bom-utf16be.jsonl", papers: 1 },
  { file: "crlf.txt", papers: 1 },
  { file: "lone-cr.txt", papers: 1 },
  {
    file: "deeply-nested.json",
    error: /deeply-nested\.json \(record 1\): expected a JSON object, found an array$/,
  },
  { file: "deeply-nested-line.jsonl", error: /deeply-nested-line\.jsonl:2: record has no title$/ },
  {
    file: "external-entity.xml",
    error: /external-entity\.xml:3: XML declares entities .*does not expand$/,
  },
  {
    file: "billion-laughs.xml",
    error: /billion-laughs\.xml:3: XML declares entities .*does not expand$/,
  },
  {
    file: "unbalanced-braces.bib",
    error: /unbalanced-braces\.bib:3 \(key broken\): BibTeX syntax error: Unterminated brace-value/,
  },
  { file: "quotes-across-lines.csv", papers: 2 },
  { file: "duplicate-ids.jsonl", papers: 1 },
  { file: "script-and-links.jsonl", papers: 2 },
];

describe("hostile input files", () => {
  for (const { file, papers, error } of EXPECTED) {
    it(`${file}: ${error ? "one clear error" : `${papers} paper(s)`}`, async () => {
      const run = await papergraph(["ingest", join(HOSTILE, file), "--json"]);
      if (error) {
        expect(run.code).toBe(1);
        expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(run.stderr.trimEnd()).toMatch(/^papergraph: error: /);
        expect(run.stderr.trimEnd()).toMatch(error);
      } else {
        expect(run.stderr).toBe("");
        expect(JSON.parse(run.stdout).papers).toBe(papers);
      }
    });
  }

  it("covers every file in the hostile corpus", async () => {
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(HOSTILE)).sort()).toEqual(EXPECTED.map((e) => e.file).sort());
  });

  it("with --skip-bad, the whole corpus gives the good records and one warning per bad file", async () => {
    const run = await papergraph(["ingest", HOSTILE, "--skip-bad", "--json"]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    // .bin is no input extension: a directory walk skips it.
    expect(summary.skipped).toBe(
      EXPECTED.filter((e) => e.error && !e.file.endsWith(".bin")).length,
    );
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(summary.skipped);
  });

  it("decodes byte-order marks and line ends to the same text", async () => {
    const out = await tempDir();
    for (const file of [
      "bom-utf8.csv",
      "bom-utf16le.jsonl",
      "bom-utf16be.jsonl",
      "crlf.txt",
      "lone-cr.txt",
    ]) {
      await papergraph(["ingest", join(HOSTILE, file), "-q", "-o", join(out, `${file}.out`)]);
      const [paper] = (await readFile(join(out, `${file}.out`), "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(paper.title).toBe("Deep Sets");
      expect(paper.abstract).not.toMatch(/[\r\uFEFF]/);
    }
  });

  it("keeps quoted newlines in CSV, merges duplicate arXiv ids, and strips invisible controls", async () => {
    const out = await tempDir();
    const read = async (file: string) => {
      await papergraph(["ingest", join(HOSTILE, file), "-q", "-o", join(out, "p.jsonl")]);
      return (await readFile(join(out, "p.jsonl"), "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
    };
    expect((await read("quotes-across-lines.csv"))[0].abstract).toBe(
      'We study sets. The abstract goes on over blank lines, with "quotes", commas.',
    );
    const [dup] = await read("duplicate-ids.jsonl");
    expect(dup).toMatchObject({
      id: "1703.06114",
      title: "Deep Sets",
      abstract: expect.stringMatching(/^A longer, revised/),
    });
    expect(dup.sources).toHaveLength(2);
    const hostile = await read("script-and-links.jsonl");
    // Text stays text (the viewer shows it as such); a javascript: link is no URL.
    expect(hostile[0].title).toBe("<script>alert('title')</script> Deep Sets");
    expect(hostile[0].url).toBeUndefined();
    expect(hostile[1].title).toBe("Invisible gnp.exe Tricks");
    expect(hostile[1].abstract).not.toMatch(/[\u202e\u202c\u200b]/);
  });

  it("a 10 MB single line is refused with a message naming it, in every format", async () => {
    const dir = await tempDir();
    const line = "x".repeat(10 * 1024 * 1024);
    await writeFile(
      join(dir, "long.jsonl"),
      `${JSON.stringify({ title: "Long", abstract: line })}\n`,
    );
    await writeFile(join(dir, "long.txt"), `Daily Papers\nA Title\n${line}\n`);
    const jsonl = await papergraph(["ingest", "long.jsonl"], dir);
    expect(jsonl.stderr).toMatch(
      /^papergraph: error: long\.jsonl:1: abstract is 10485760 characters, over the limit of 100000 \(--max-abstract-length\)\n$/,
    );
    const capture = await papergraph(["ingest", "long.txt"], dir);
    expect(capture.stderr).toMatch(
      /^papergraph: error: long\.txt:2: abstract is 10485760 characters, over the limit of 100000/,
    );
    const raised = await papergraph(
      ["ingest", "long.jsonl", "--max-abstract-length", "20000000", "--json"],
      dir,
    );
    expect(JSON.parse(raised.stdout).papers).toBe(1);
    const small = await papergraph(["ingest", "long.jsonl", "--max-file-size", "1"], dir);
    expect(small.stderr).toMatch(
      /^papergraph: error: long\.jsonl: file is 10\.0 MB, over the limit of 1\.0 MB \(--max-file-size\)\n$/,
    );
  });
});
