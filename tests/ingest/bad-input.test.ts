import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { papergraph, tempDir } from "../helpers/cli.js";

const GOOD = '{"title": "Deep Sets", "abstract": "Sets are invariant to permutations."}\n';

/** Each bad input, alone in a directory, must fail with one message naming the file (and line or record). */
const CASES: { name: string; file: string; content: string | Uint8Array; message: RegExp }[] = [
  {
    name: "an unknown format",
    file: "notes.dat",
    content: "shopping list\neggs\nmilk\n",
    message: /^papergraph: error: notes\.dat: unknown format: expected .*BibTeX/,
  },
  {
    name: "a malformed JSON line",
    file: "bad.jsonl",
    content: `${GOOD}{"title": "Broken", "abstract": \n${GOOD}`,
    message: /^papergraph: error: bad\.jsonl:2: malformed JSON/,
  },
  {
    name: "a JSON line that is not an object",
    file: "array.jsonl",
    content: `${GOOD}["Deep Sets"]\n`,
    message: /^papergraph: error: array\.jsonl:2: expected a JSON object, found an array/,
  },
  {
    name: "a JSON record with no title",
    file: "untitled.json",
    content: '[{"title": "A"}, {"abstract": "no title here"}]',
    message: /^papergraph: error: untitled\.json \(record 2\): record has no title/,
  },
  {
    name: "a truncated JSON array",
    file: "truncated.json",
    content: '[\n  {"title": "A"},\n  {"title": "B"',
    message: /^papergraph: error: truncated\.json(:3)?: malformed JSON/,
  },
  {
    name: "a CSV with no title column",
    file: "nocol.csv",
    content: "name,summary\nDeep Sets,Sets.\n",
    message:
      /^papergraph: error: nocol\.csv:1: no title column in the header \(columns: name, summary\)/,
  },
  {
    name: "a CSV row with the wrong number of fields",
    file: "ragged.csv",
    content: "title,abstract\nDeep Sets,Sets.\nToo,many,fields\n",
    message: /^papergraph: error: ragged\.csv:3: row has 3 fields, the header has 2/,
  },
  {
    name: "a CSV with an unclosed quote",
    file: "quote.csv",
    content: 'title,abstract\n"Deep Sets,Sets.\n',
    message: /^papergraph: error: quote\.csv:2: malformed CSV: Quote Not Closed/,
  },
  {
    name: "a BibTeX syntax error",
    file: "broken.bib",
    content:
      "@article{good, title={Fine}, abstract={Fine.}}\n\n@article{bad,\n  title = {Unbalanced {braces},\n  abstract = {x}\n}\n",
    message: /^papergraph: error: broken\.bib:3 \(key bad\): BibTeX syntax error/,
  },
  {
    name: "XML that is not an Atom feed",
    file: "rss.xml",
    content:
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>\n',
    message:
      /^papergraph: error: rss\.xml: not an Atom feed: expected a <feed> root element, found <rss>/,
  },
  {
    name: "malformed XML",
    file: "broken.xml",
    content:
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>A</entry>\n</feed>\n',
    message: /^papergraph: error: broken\.xml:3: malformed XML/,
  },
  {
    name: "XML that declares entities",
    file: "laughs.xml",
    content:
      '<?xml version="1.0"?>\n<!DOCTYPE feed [\n<!ENTITY lol "lol">\n]>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol;</title></entry></feed>\n',
    message: /^papergraph: error: laughs\.xml:3: XML declares entities/,
  },
  {
    name: "a binary file",
    file: "image.bin",
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    message: /^papergraph: error: image\.bin:3: binary content/,
  },
  {
    name: "invalid UTF-8",
    file: "latin1.jsonl",
    content: new Uint8Array([
      ...Buffer.from(GOOD),
      ...Buffer.from('{"title": "Caf'),
      0xe9,
      ...Buffer.from('"}\n'),
    ]),
    message: /^papergraph: error: latin1\.jsonl:2: not valid UTF-8 text/,
  },
];

describe("bad input", () => {
  it("a missing path exits 1 naming the path", async () => {
    const dir = await tempDir();
    const run = await papergraph(["ingest", "nowhere/papers.jsonl"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("papergraph: error: nowhere/papers.jsonl: no such file or directory\n");
    expect(run.stdout).toBe("");
  });

  it("a glob that matches nothing exits 1 naming the pattern", async () => {
    const dir = await tempDir();
    const run = await papergraph(["ingest", "*.bib"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\*\.bib: the pattern matches no file/);
  });

  for (const { name, file, content, message } of CASES) {
    it(`${name} exits 1 with one message naming the file`, async () => {
      const dir = await tempDir({ [file]: content });
      const run = await papergraph(["ingest", file], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
  }

  it("with --skip-bad, warns once per bad record or file, counts them and keeps the good records", async () => {
    const files = Object.fromEntries(CASES.map((c) => [c.file, c.content]));
    const dir = await tempDir({ ...files, "good.jsonl": GOOD });
    const run = await papergraph(
      ["ingest", ".", "notes.dat", "image.bin", "--skip-bad", "--json"],
      dir,
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    const warnings = run.stderr.trim().split("\n");
    expect(warnings.every((w) => w.startsWith("warning: skipped "))).toBe(true);
    expect(warnings).toHaveLength(summary.skipped);
    expect(summary.skipped).toBe(CASES.length);
    expect(summary.problems.map((p: { file: string }) => p.file).sort()).toEqual(
      CASES.map((c) => c.file).sort(),
    );
    // Deep Sets (good.jsonl, bad.jsonl twice, array.jsonl, latin1 is skipped whole), A, Fine, Too.
    expect(summary.papers).toBeGreaterThanOrEqual(3);
    expect(summary.duplicates).toBeGreaterThanOrEqual(2);
  });

  it("a failed run leaves an existing --out file as it was and no temporary file behind", async () => {
    const dir = await tempDir({ "good.jsonl": GOOD, "bad.jsonl": "{oops\n" });
    await writeFile(join(dir, "papers.jsonl"), "previous output\n");
    const run = await papergraph(
      ["ingest", "good.jsonl", "bad.jsonl", "--out", "papers.jsonl"],
      dir,
    );
    expect(run.code).toBe(1);
    expect(await readFile(join(dir, "papers.jsonl"), "utf8")).toBe("previous output\n");
    expect((await readdir(dir)).sort()).toEqual(["bad.jsonl", "good.jsonl", "papers.jsonl"]);
  });

  it("names a file by the path the user gave, absolute or under the folder given", async () => {
    const corpus = await tempDir({ "bad.jsonl": "{oops\n" });
    const elsewhere = await tempDir();
    const absolute = await papergraph(["ingest", join(corpus, "bad.jsonl")], elsewhere);
    expect(absolute.stderr).toMatch(new RegExp(`^papergraph: error: ${corpus}/bad\\.jsonl:1: `));
    const folder = await papergraph(["ingest", corpus], elsewhere);
    expect(folder.stderr).toMatch(new RegExp(`^papergraph: error: ${corpus}/bad\\.jsonl:1: `));
  });

  it("a failed rebuild keeps the previous outputs and says so", async () => {
    const dir = await tempDir({ "good.jsonl": GOOD });
    expect((await papergraph(["build", "good.jsonl", "--out", "out", "-q"], dir)).code).toBe(0);
    const graph = await readFile(join(dir, "out", "graph.json"), "utf8");
    await writeFile(join(dir, "good.jsonl"), "{oops\n");
    const run = await papergraph(["build", "good.jsonl", "--out", "out"], dir);
    expect(run.stderr).toMatch(
      /^papergraph: error: build failed in stage "ingest", previous outputs in out\/ kept: good\.jsonl:1: /,
    );
    expect(await readFile(join(dir, "out", "graph.json"), "utf8")).toBe(graph);
  });

  it("a folder read as papers skips a build folder inside it, with a note", async () => {
    const dir = await tempDir({ "good.jsonl": GOOD });
    expect((await papergraph(["build", ".", "--out", "b", "-q"], dir)).code).toBe(0);
    const run = await papergraph(["ingest", ".", "--json"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "note: skipped b/: a papergraph build folder (its outputs are not papers)\n",
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 1 });
  });
});
