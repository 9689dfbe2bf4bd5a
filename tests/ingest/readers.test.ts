import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestPaths, papersFromTexts, readEntries } from "../../src/ingest/index.js";
import { FIXTURES } from "../helpers/cli.js";

const dir = join(FIXTURES, "ingest");
const fixture = (name: string) => readFile(join(dir, name), "utf8");

async function papersOf(name: string) {
  const { papers, summary } = papersFromTexts([{ file: name, text: await fixture(name) }]);
  return { papers, summary, byTitle: new Map(papers.map((p) => [p.title, p])) };
}

describe("Hugging Face Papers captures", () => {
  it("splits the glued 'Subscribe' off the first title of a compact capture and drops chrome", async () => {
    const { papers } = await papersOf("capture-compact.txt");
    expect(papers.map((p) => p.title)).toEqual([
      "Learning Invariant Representations with a Nonparametric Nadaraya-Watson Head",
      "Is Rotation Invariance All You Need?",
    ]);
    expect(papers[0]?.sources).toEqual([{ file: "capture-compact.txt", line: 3 }]);
  });

  it("removes link debris from abstracts", async () => {
    const { papers } = await papersOf("capture-compact.txt");
    expect(papers[0]?.abstract).toContain("available at https://github.com/alanqrwang/nwhead.");
    expect(papers[0]?.abstract).not.toContain("{");
  });

  it("keeps an entry with no abstract, with an empty abstract, and counts it", async () => {
    const { byTitle, summary } = await papersOf("capture-spaced.txt");
    expect([...byTitle.keys()]).toEqual([
      "Rotation-Invariant Transformer for Point Cloud Matching",
      "A Title Whose Abstract Is Missing",
      "Deep Sets",
    ]);
    expect(byTitle.get("A Title Whose Abstract Is Missing")?.abstract).toBe("");
    expect(byTitle.get("Deep Sets")?.abstract).toMatch(/^We study the problem/);
    expect(summary.withoutAbstract).toBe(1);
  });

  it("reads the publication date after the author count and ignores the listing date", async () => {
    const { papers } = await papersOf("capture-meta.txt");
    expect(papers.map((p) => [p.title.slice(0, 18), p.date])).toEqual([
      ["seq-JEPA: Autoregr", "2025-05-06"],
      ["Flow Equivariant R", "2025-07-19"],
    ]);
    expect(papers.every((p) => p.abstract.length > 100)).toBe(true);
  });
});

describe("JSON Lines and JSON", () => {
  it("reads title, summary as abstract, arXiv id, author objects and date; ignores other fields", async () => {
    const { papers } = await papersOf("papers.jsonl");
    const gdl = papers[0];
    expect(gdl).toMatchObject({
      id: "2104.13478",
      arxivId: "2104.13478",
      title: "Geometric Deep Learning: Grids, Groups, Graphs, Geodesics, and Gauges",
      authors: ["Michael M. Bronstein", "Joan Bruna"],
      date: "2021-04-27",
      url: "http://arxiv.org/abs/2104.13478v2",
    });
    expect(gdl?.abstract).toMatch(/deep learning methods\. We exhibit/);
    expect(gdl).not.toHaveProperty("stars");
  });

  it("gives line numbers that count blank lines, and splits 'A and B' author strings", async () => {
    const { byTitle } = await papersOf("papers.jsonl");
    const irm = byTitle.get("Invariant Risk Minimization");
    expect(irm?.sources).toEqual([{ file: "papers.jsonl", line: 3 }]);
    expect(irm?.authors).toEqual(["Martin Arjovsky", "Léon Bottou"]);
    expect(irm?.arxivId).toBe("1907.02893");
  });

  it("reads a JSON array, numbering records", async () => {
    const { papers } = await papersOf("papers.json");
    expect(papers.map((p) => [p.id, p.title.slice(0, 9), p.date, p.sources[0]?.record])).toEqual([
      ["1612.00593", "PointNet:", "2016", 1],
      [expect.stringMatching(/^[0-9a-f]{10}$/), "Deep Sets", undefined, 2],
    ]);
  });

  it("reads a .json file that is really JSON Lines", () => {
    const text = '{"title": "One", "abstract": "a"}\n{"title": "Two", "abstract": "b"}\n';
    const { entries } = readEntries(text, "lines.json");
    expect(entries.map((e) => [e.title, e.source.line])).toEqual([
      ["One", 1],
      ["Two", 2],
    ]);
  });
});

describe("CSV and TSV", () => {
  it("finds the title column case-insensitively under an alias and keeps quoted newlines and quotes", async () => {
    const { papers } = await papersOf("papers.csv");
    expect(papers.map((p) => p.title)).toEqual([
      "INVARIANT risk minimization",
      "E(n) Equivariant Graph Neural Networks",
      'The "Quoted" Title: Semantics, Again',
    ]);
    const egnn = papers[1];
    expect(egnn?.abstract).toMatch(/\(EGNNs\)\. In contrast/);
    expect(egnn?.authors).toEqual(["Victor Garcia Satorras", "Emiel Hoogeboom", "Max Welling"]);
    expect(egnn?.date).toBe("2021-02-19");
    expect(egnn?.id).toBe("2102.09844");
    // A record spanning two lines still points at the line where it starts.
    expect(papers.map((p) => p.sources[0]?.line)).toEqual([2, 3, 5]);
  });

  it("reads TSV with an arXiv: prefixed id", async () => {
    const { papers } = await papersOf("papers.tsv");
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      id: "2006.10503",
      title: expect.stringMatching(/^SE\(3\)-Transformers/),
    });
  });
});

describe("BibTeX", () => {
  it("decodes LaTeX accents and braces, keeps '<' literal, and reads authors, month and eprint", async () => {
    const { byTitle, summary } = await papersOf("papers.bib");
    const gcnn = byTitle.get("Group Equivariant Convolutional Networks");
    expect(gcnn).toMatchObject({
      id: "1602.07576",
      authors: ["Taco S. Cohen", "Max Welling"],
      date: "2016-06",
      sources: [{ file: "papers.bib", line: 2, record: 1, key: "cohen2016group" }],
    });
    expect(gcnn?.abstract).toContain(
      "We introduce Group equivariant Convolutional Neural Networks (G-CNNs)",
    );
    expect(gcnn?.abstract).toContain("on CIFAR10 and rotated MNIST");
    expect(gcnn?.abstract).toMatch(/n ?< ?8/);
    const tfn = byTitle.get(
      "Tensor Field Networks: Rotation- and Translation-Equivariant Neural Networks for 3D Point Clouds",
    );
    expect(tfn?.abstract).toContain("Schölkopf and Gauß would approve — surely.");
    expect(byTitle.get("A Reference without an Abstract")?.abstract).toBe("");
    expect(summary.withoutAbstract).toBe(1);
  });
});

describe("arXiv Atom feeds", () => {
  it("reads entries with ids, authors, links and decoded entities, and old-style ids", async () => {
    const { papers } = await papersOf("arxiv.xml");
    expect(papers).toHaveLength(2);
    expect(papers[0]).toMatchObject({
      id: "2104.13478",
      title: "Geometric Deep Learning: Grids, Groups, Graphs, Geodesics, and Gauges",
      date: "2021-04-27",
      url: "http://arxiv.org/abs/2104.13478v2",
      authors: ["Michael M. Bronstein", "Joan Bruna", "Taco Cohen"],
      sources: [{ file: "arxiv.xml", line: 6, record: 1 }],
    });
    expect(papers[0]?.abstract).toMatch(/approaches & more, for graphs with n < 10\^6 nodes\.$/);
    expect(papers[1]?.id).toBe("hep-th/9901001");
  });
});

describe("de-duplication across formats", () => {
  it("merges the same arXiv id and the same normalized title into one paper with every source", async () => {
    const { papers, summary } = await ingestPaths(["."], { cwd: dir });
    const gdl = papers.filter((p) => p.title.startsWith("Geometric Deep Learning"));
    expect(gdl).toHaveLength(1);
    expect(gdl[0]?.sources.map((s) => s.file)).toEqual(["arxiv.xml", "papers.jsonl"]);
    // The Atom entry has three authors, the JSON Lines record two: the first source's metadata wins.
    expect(gdl[0]?.authors).toHaveLength(3);

    // "INVARIANT risk minimization" (CSV, no id) and "Invariant Risk Minimization" (JSON Lines, arXiv URL).
    const irm = papers.filter((p) => /^invariant risk minimization$/i.test(p.title));
    expect(irm).toHaveLength(1);
    expect(irm[0]?.arxivId).toBe("1907.02893");
    expect(irm[0]?.sources.map((s) => s.file)).toEqual(["papers.csv", "papers.jsonl"]);

    const deepSets = papers.filter((p) => p.title === "Deep Sets");
    expect(deepSets[0]?.sources.map((s) => s.file)).toEqual(["capture-spaced.txt", "papers.json"]);

    expect(summary).toMatchObject({ files: 9, entries: 21, papers: 18, duplicates: 3, skipped: 0 });
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });

  it("fills a missing abstract from a later record of the same paper", () => {
    const { papers } = papersFromTexts([
      { file: "a.jsonl", text: '{"title": "Deep Sets"}\n' },
      {
        file: "b.jsonl",
        text: '{"title": "deep  sets.", "abstract": "Sets are invariant to permutations."}\n',
      },
    ]);
    expect(papers).toEqual([
      {
        id: expect.any(String),
        title: "Deep Sets",
        abstract: "Sets are invariant to permutations.",
        sources: [
          { file: "a.jsonl", line: 1 },
          { file: "b.jsonl", line: 1 },
        ],
      },
    ]);
  });

  it("keeps two records apart when their arXiv ids differ, even with the same title", () => {
    const { papers } = papersFromTexts([
      {
        file: "a.jsonl",
        text: '{"title": "Attention", "id": "arXiv:1706.03762"}\n{"title": "Attention", "id": "arXiv:2001.00001"}\n',
      },
    ]);
    expect(papers.map((p) => p.id)).toEqual(["1706.03762", "2001.00001"]);
  });
});
