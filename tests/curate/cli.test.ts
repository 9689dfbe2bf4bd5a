import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/build-folder.js";
import { buildCurator } from "../../src/serve/index.js";
import { CORPUS, papergraph, tempDir } from "../helpers/cli.js";
import { SMALL_CORPUS } from "../helpers/graph.js";

const PAPERS = SMALL_CORPUS.map(({ title, abstract }) => JSON.stringify({ title, abstract })).join(
  "\n",
);

/** A corpus folder with the small corpus, and the given corrections file beside it. */
async function corpusWith(corrections?: string): Promise<string> {
  const dir = await tempDir();
  await cp(await tempDir({ "papers.jsonl": PAPERS }), join(dir, "corpus"), { recursive: true });
  if (corrections !== undefined)
    await writeFile(join(dir, "corpus", "papergraph-corrections.jsonl"), corrections);
  return dir;
}

describe("papergraph build with corrections", () => {
  it("applies a VOSviewer thesaurus: a merge and a drop", async () => {
    const dir = await corpusWith();
    await writeFile(
      join(dir, "thesaurus.txt"),
      "label\treplace by\nRotation-Invariant Point Cloud Classification\tpoint cloud classification\ndata augmentation\t\n",
    );
    const run = await papergraph(
      ["build", "corpus", "--out", "g", "--thesaurus", "thesaurus.txt", "--json"],
      dir,
    );
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).corrections).toEqual({ applied: 2, unused: [] });
    const graph = await loadGraph("g", dir);
    expect(graph.hasNode("task:rotation-invariant-point-cloud-classification")).toBe(false);
    expect(graph.getNodeAttribute("task:point-cloud-classification", "aliases")).toContain(
      "Rotation-Invariant Point Cloud Classification",
    );
    expect(graph.hasNode("method:data-augmentation")).toBe(false);
    // The build remembers the thesaurus: an add applies it to the new papers too.
    await writeFile(
      join(dir, "new.jsonl"),
      '{"title": "Augmenting point clouds", "abstract": "We study data augmentation for point cloud classification on ModelNet40."}\n',
    );
    expect((await papergraph(["add", "new.jsonl", "--out", "g", "--quiet"], dir)).code).toBe(0);
    expect((await loadGraph("g", dir)).hasNode("method:data-augmentation")).toBe(false);
  });

  it("reads the corrections file beside the corpus and reports the lines that name nothing", async () => {
    const dir = await corpusWith(
      '{"action": "drop", "entity": "ImageNet"}\n{"action": "rename", "entity": "IRM", "label": "IRM (Arjovsky et al.)"}\n',
    );
    const run = await papergraph(["build", "corpus", "--out", "g", "--json"], dir);
    const { corrections } = JSON.parse(run.stdout);
    expect(corrections).toEqual({
      applied: 1,
      unused: [
        {
          file: join(dir, "corpus", "papergraph-corrections.jsonl"),
          line: 1,
          action: "drop",
          entity: "ImageNet",
        },
      ],
    });
    const text = await papergraph(["build", "corpus", "--out", "g"], dir);
    expect(text.stdout).toMatch(
      /corrections: 1 applied, 1 unused \(.*papergraph-corrections\.jsonl:1 name nothing here, kept\)/,
    );
    const graph = await loadGraph("g", dir);
    expect(graph.getNodeAttribute("method:invariant-risk-minimization", "label")).toBe(
      "IRM (Arjovsky et al.)",
    );
  });

  it("a bad corrections file stops the build before anything is written", async () => {
    const dir = await corpusWith('{"action": "drop", "entity": "PACS"}\n');
    expect((await papergraph(["build", "corpus", "--out", "g", "--quiet"], dir)).code).toBe(0);
    const before = await readFile(join(dir, "g", "graph.json"), "utf8");
    await writeFile(
      join(dir, "corpus", "papergraph-corrections.jsonl"),
      '{"action": "drop", "entity": "PACS"}\n{"action": "merge", "entity": "IRM"\n',
    );
    const run = await papergraph(["build", "corpus", "--out", "g"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^papergraph: error: .*papergraph-corrections\.jsonl:2: malformed JSON/,
    );
    expect(await readFile(join(dir, "g", "graph.json"), "utf8")).toBe(before);
  });

  it("rebuild applies a changed corrections file without extracting, and keeps the map", async () => {
    const dir = await corpusWith("");
    await papergraph(["build", "corpus", "--out", "g", "--quiet"], dir);
    const before = await loadGraph("g", dir);
    await writeFile(
      join(dir, "corpus", "papergraph-corrections.jsonl"),
      '{"action": "drop", "entity": "ScanObjectNN"}\n',
    );
    const run = await papergraph(["rebuild", "--out", "g", "--json"], dir);
    expect(JSON.parse(run.stdout).corrections.applied).toBe(1);
    const after = await loadGraph("g", dir);
    expect(after.hasNode("dataset:scanobjectnn")).toBe(false);
    const place = (graph: typeof after, node: string) => graph.getNodeAttributes(node);
    expect(place(after, "dataset:modelnet40")).toMatchObject({
      x: place(before, "dataset:modelnet40").x,
      y: place(before, "dataset:modelnet40").y,
    });
  });
});

describe("curator mode", () => {
  it("refuses a fix that would change nothing, with the reason, and keeps the corrections file", async () => {
    const dir = await corpusWith();
    expect((await papergraph(["build", "corpus", "--out", "g", "--quiet"], dir)).code).toBe(0);
    const graph = await readFile(join(dir, "g", "graph.json"), "utf8");
    const curator = buildCurator({ out: "g", cwd: dir });
    const file = join(dir, "corpus", "papergraph-corrections.jsonl");
    await expect(
      curator.correct({ action: "merge", entity: "ModelNet40", into: "graph neural networks" }),
    ).rejects.toThrow(
      /papergraph-corrections\.jsonl:1: cannot merge a dataset into a method \("ModelNet40" into "graph neural networks"\); retype it first$/,
    );
    expect(existsSync(file)).toBe(false);
    expect(await readFile(join(dir, "g", "graph.json"), "utf8")).toBe(graph);
    await writeFile(file, '{"action":"drop","entity":"PACS"}\n');
    await expect(
      curator.correct({ action: "drop", entity: "quantum chromodynamics" }),
    ).rejects.toThrow(
      '{"action":"drop","entity":"quantum chromodynamics"} changes nothing in this build: it names nothing here',
    );
    expect(await readFile(file, "utf8")).toBe('{"action":"drop","entity":"PACS"}\n');
  });
});

describe("papergraph suggest-merges", () => {
  it("lists duplicates with their evidence; --accept appends them and rebuilds", async () => {
    const dir = await tempDir();
    await cp(CORPUS, join(dir, "corpus"), { recursive: true });
    await papergraph(["build", "corpus", "--out", "g", "--quiet"], dir);
    const listed = JSON.parse(
      (await papergraph(["suggest-merges", "-g", "g", "--limit", "3", "--json"], dir)).stdout,
    );
    expect(listed.suggestions).toHaveLength(3);
    for (const s of listed.suggestions) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.entity.id.split(":")[0]).toBe(s.into.id.split(":")[0]);
    }
    const accepted = await papergraph(
      ["suggest-merges", "-g", "g", "--limit", "3", "--accept"],
      dir,
    );
    expect(accepted.stdout).toMatch(/Accepted 3 merges into .*papergraph-corrections\.jsonl/);
    const graph = await loadGraph("g", dir);
    for (const s of listed.suggestions) {
      expect(graph.hasNode(s.entity.id)).toBe(false);
      expect(graph.hasNode(s.into.id)).toBe(true);
    }
    const lines = (await readFile(join(dir, "corpus", "papergraph-corrections.jsonl"), "utf8"))
      .trim()
      .split("\n");
    expect(lines).toHaveLength(3);
  }, 60_000);
});
