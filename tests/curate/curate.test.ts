import { describe, expect, it } from "vitest";
import {
  applyCorrections,
  CorrectionError,
  parseCorrections,
  suggestMerges,
} from "../../src/curate/index.js";
import { parseThesaurus } from "../../src/curate/thesaurus.js";
import { buildGraph } from "../../src/graph/index.js";
import type { Entity, EntityType, Extraction, Mention } from "../../src/types.js";

/** A paper's text and the entities it names: [id, text as written] — the id's type is the mention's. */
type PaperSpec = { id: string; abstract: string; names: [string, string][] };

/** An extraction as canonicalization would leave it, built by hand so no model decides the test. */
function extraction(specs: PaperSpec[], labels: Record<string, string>): Extraction {
  const entities = new Map<string, Entity>();
  const papers = specs.map(({ id, abstract, names }) => ({
    paper: { id, title: `Paper ${id}`, abstract, sources: [] },
    mentions: names.map(([entityId, text]): Mention => {
      const type = entityId.split(":")[0] as EntityType;
      const start = abstract.indexOf(text);
      const entity = entities.get(entityId) ?? {
        id: entityId,
        type,
        name: labels[entityId] ?? text,
        aliases: [],
        papers: [],
      };
      if (text !== entity.name && !entity.aliases.includes(text)) entity.aliases.push(text);
      if (!entity.papers.includes(id)) entity.papers.push(id);
      entities.set(entityId, entity);
      return {
        type,
        text,
        field: "abstract",
        start,
        end: start + text.length,
        sentence: abstract,
        rule: "test",
        entityId,
        ...(type === "method" ? { role: "used" as const } : {}),
      };
    }),
  }));
  return { papers, entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

const CORPUS = extraction(
  [
    {
      id: "p1",
      abstract: "We train a GNN on QM9 and report Fréchet Inception Distance.",
      names: [
        ["method:gnn", "GNN"],
        ["dataset:qm9", "QM9"],
        ["method:frechet-inception-distance", "Fréchet Inception Distance"],
      ],
    },
    {
      id: "p2",
      abstract: "Graph neural networks and CLEAR for continual learning on QM9.",
      names: [
        ["method:graph-neural-network", "Graph neural networks"],
        ["method:clear", "CLEAR"],
        ["dataset:qm9", "QM9"],
      ],
    },
    {
      id: "p3",
      abstract: "CLEAR, a contrastive retrieval model, is evaluated on MS MARCO.",
      names: [
        ["method:clear", "CLEAR"],
        ["dataset:ms-marco", "MS MARCO"],
      ],
    },
  ],
  { "method:graph-neural-network": "graph neural network" },
);

const corrections = (...lines: object[]) =>
  parseCorrections(lines.map((l) => JSON.stringify(l)).join("\n"), "fixes.jsonl");

const entity = (e: Extraction, id: string) => e.entities.find((x) => x.id === id);
const mentionIds = (e: Extraction, paper: string) =>
  e.papers.find((p) => p.paper.id === paper)?.mentions.map((m) => m.entityId);

describe("corrections", () => {
  it("merge moves every mention, by name or id, and keeps the merged names as aliases", () => {
    const { extraction: fixed, unused } = applyCorrections(
      CORPUS,
      corrections({ action: "merge", entity: "GNN", into: "graph neural networks" }),
    );
    expect(unused).toEqual([]);
    expect(entity(fixed, "method:gnn")).toBeUndefined();
    expect(entity(fixed, "method:graph-neural-network")).toMatchObject({
      name: "graph neural network",
      aliases: ["GNN", "Graph neural networks"],
      papers: ["p1", "p2"],
    });
    expect(mentionIds(fixed, "p1")).toContain("method:graph-neural-network");
  });

  it("merge into a name no entity has renames, as a VOSviewer thesaurus does", () => {
    const { extraction: fixed } = applyCorrections(
      CORPUS,
      corrections({ action: "merge", entity: "method:gnn", into: "Graph Network" }),
    );
    expect(entity(fixed, "method:gnn")).toMatchObject({ name: "Graph Network", aliases: ["GNN"] });
  });

  it("drop removes an entity everywhere, or from one paper only", () => {
    const everywhere = applyCorrections(
      CORPUS,
      corrections({ action: "drop", entity: "Fréchet Inception Distance" }),
    ).extraction;
    expect(entity(everywhere, "method:frechet-inception-distance")).toBeUndefined();
    expect(mentionIds(everywhere, "p1")).toEqual(["method:gnn", "dataset:qm9"]);
    const one = applyCorrections(
      CORPUS,
      corrections({ action: "drop", entity: "QM9", paper: "p1" }),
    ).extraction;
    expect(entity(one, "dataset:qm9")?.papers).toEqual(["p2"]);
  });

  it("retype moves an entity and its mentions to another type", () => {
    const { extraction: fixed } = applyCorrections(
      CORPUS,
      corrections({ action: "retype", entity: "method:gnn", to: "task" }),
    );
    expect(entity(fixed, "method:gnn")).toBeUndefined();
    expect(entity(fixed, "task:gnn")).toMatchObject({ type: "task", papers: ["p1"] });
    const mention = fixed.papers[0]?.mentions.find((m) => m.entityId === "task:gnn");
    expect(mention).toMatchObject({ type: "task" });
    expect(mention?.role).toBeUndefined();
  });

  it("split gives one paper's mentions of a name their own entity", () => {
    const { extraction: fixed } = applyCorrections(
      CORPUS,
      corrections({ action: "split", entity: "CLEAR", paper: "p3", into: "CLEAR (retrieval)" }),
    );
    expect(entity(fixed, "method:clear")?.papers).toEqual(["p2"]);
    expect(entity(fixed, "method:clear-retrieval")).toMatchObject({
      name: "CLEAR (retrieval)",
      aliases: ["CLEAR"],
      papers: ["p3"],
    });
  });

  it("add gives a paper an entity the extractor missed, with the span where it is written", () => {
    const { extraction: fixed } = applyCorrections(
      CORPUS,
      corrections({ action: "add", entity: "MS MARCO", type: "dataset", paper: "Paper p2" }),
    );
    expect(entity(fixed, "dataset:ms-marco")?.papers).toEqual(["p2", "p3"]);
    const fresh = applyCorrections(
      CORPUS,
      corrections({ action: "add", entity: "continual learning", type: "task", paper: "p2" }),
    ).extraction;
    const added = fresh.papers[1]?.mentions.find((m) => m.entityId === "task:continual-learning");
    expect(added).toMatchObject({ text: "continual learning", rule: "correction", start: 36 });
  });

  it("a correction that names nothing here is kept and reported unused", () => {
    const { unused, extraction: fixed } = applyCorrections(
      CORPUS,
      corrections(
        { action: "drop", entity: "ImageNet" },
        { action: "merge", entity: "GNN", into: "graph neural networks" },
      ),
    );
    expect(unused.map((c) => c.source)).toEqual([{ file: "fixes.jsonl", line: 1 }]);
    expect(entity(fixed, "method:gnn")).toBeUndefined();
  });

  it("applied twice gives the same extraction, and the graph builds from it", () => {
    const fixes = corrections(
      { action: "merge", entity: "GNN", into: "graph neural networks" },
      { action: "drop", entity: "Fréchet Inception Distance" },
    );
    const once = applyCorrections(CORPUS, fixes).extraction;
    expect(applyCorrections(CORPUS, fixes).extraction).toEqual(once);
    const { graph } = buildGraph(once, { layout: { iterations: 10 } });
    expect(graph.hasNode("method:graph-neural-network")).toBe(true);
    expect(graph.hasNode("method:gnn")).toBe(false);
    expect(graph.hasNode("method:frechet-inception-distance")).toBe(false);
  });
});

describe("bad corrections", () => {
  const parse = (text: string) => () => parseCorrections(text, "fixes.jsonl");

  it("a malformed line names the file and the line", () => {
    expect(parse('{"action":"drop","entity":"X"}\n{"action": "drop",')).toThrow(
      /^fixes\.jsonl:2: malformed JSON/,
    );
    expect(parse('{"action":"explode","entity":"X"}')).toThrow(
      'fixes.jsonl:1: "action" must be one of merge, rename, retype, drop, split, add, got "explode"',
    );
    expect(parse('{"action":"merge","entity":"X"}')).toThrow(
      'fixes.jsonl:1: "into" must be a non-empty string',
    );
    expect(parse('{"action":"retype","entity":"X","to":"invariance"}')).toThrow(CorrectionError);
  });

  it("a merge cycle, or a merge across types, is refused with its lines", async () => {
    const { loadCorrections } = await import("../../src/curate/index.js");
    const { tempDir } = await import("../helpers/cli.js");
    const cwd = await tempDir({
      "cycle.jsonl": [
        '{"action":"merge","entity":"GNN","into":"graph neural network"}',
        '{"action":"drop","entity":"X"}',
        '{"action":"merge","entity":"graph neural networks","into":"GNNs"}',
      ].join("\n"),
      "types.jsonl": '{"action":"merge","entity":"method:gnn","into":"dataset:qm9"}\n',
    });
    await expect(loadCorrections({ corrections: "cycle.jsonl" }, cwd)).rejects.toThrow(
      "cycle.jsonl:1 and cycle.jsonl:3: these merges form a cycle",
    );
    await expect(loadCorrections({ corrections: "types.jsonl" }, cwd)).rejects.toThrow(
      'types.jsonl:1: cannot merge a method into a dataset ("method:gnn" into "dataset:qm9"); retype it first',
    );
  });

  it("a merge by names of entities of two types stops the build, naming its line", () => {
    const fixes = parseCorrections(
      '{"action":"merge","entity":"QM9","into":"GNN"}\n',
      "fixes.jsonl",
    );
    expect(() => applyCorrections(CORPUS, fixes)).toThrow(
      'fixes.jsonl:1: cannot merge a dataset into a method ("QM9" into "GNN"); retype it first',
    );
  });
});

describe("a VOSviewer thesaurus", () => {
  it("merges a label into its replacement and drops a label with none", () => {
    const fixes = parseThesaurus(
      "label\treplace by\nGNN\tgraph neural network\nFréchet Inception Distance\t\n",
      "thesaurus.txt",
    );
    const { extraction: fixed, unused } = applyCorrections(CORPUS, fixes);
    expect(unused).toEqual([]);
    expect(entity(fixed, "method:gnn")).toBeUndefined();
    expect(entity(fixed, "method:graph-neural-network")?.aliases).toContain("GNN");
    expect(entity(fixed, "method:frechet-inception-distance")).toBeUndefined();
  });

  it("without its header is refused", () => {
    expect(() => parseThesaurus("GNN\tgraph neural network\n", "t.txt")).toThrow(
      't.txt:1: a VOSviewer thesaurus begins with the header "label<TAB>replace by"',
    );
  });
});

describe("suggested merges", () => {
  it("finds an acronym and its long form a paper names together, into the long form", () => {
    const both = extraction(
      [
        ...CORPUS.papers.map(({ paper, mentions }) => ({
          id: paper.id,
          abstract: paper.abstract,
          names: mentions.map((m): [string, string] => [m.entityId, m.text]),
        })),
        {
          id: "p4",
          abstract: "A GNN, or graph neural network, on QM9.",
          names: [
            ["method:gnn", "GNN"],
            ["method:graph-neural-network", "graph neural network"],
          ],
        },
      ],
      { "method:graph-neural-network": "graph neural network" },
    );
    const { graph } = buildGraph(both, { layout: { iterations: 10 } });
    const [first] = suggestMerges(graph);
    expect(first).toMatchObject({
      entity: { id: "method:gnn" },
      into: { id: "method:graph-neural-network" },
    });
    expect(first?.evidence).toContainEqual({
      kind: "acronym",
      short: "GNN",
      long: "graph neural network",
    });
  });

  it("never adds a generic head word, keeps a common word apart, and wants a paper behind initials", () => {
    const names = (id: string, abstract: string, entityId: string, text: string): PaperSpec => ({
      id,
      abstract,
      names: [[entityId, text]],
    });
    const { graph } = buildGraph(
      extraction(
        [
          names(
            "q1",
            "We use the GMFlow framework.",
            "method:gmflow-framework",
            "GMFlow framework",
          ),
          names("q2", "GMFlow estimates flow.", "method:gmflow", "GMFlow"),
          names("q3", "GMFlow again.", "method:gmflow", "GMFlow"),
          names("q4", "A diffusion model.", "method:diffusion-model", "diffusion model"),
          names("q5", "Another diffusion model.", "method:diffusion-model", "diffusion model"),
          names("q6", "Heat diffusion.", "method:diffusion", "diffusion"),
          names("q7", "Tuned LRs.", "method:lr", "LRs"),
          names("q8", "Linear regression.", "method:linear-regression", "linear regression"),
        ],
        {},
      ),
      { layout: { iterations: 10 } },
    );
    const pairs = suggestMerges(graph).map((m) => `${m.entity.id} → ${m.into.id}`);
    expect(pairs).toEqual(["method:gmflow-framework → method:gmflow"]);
  });
});
