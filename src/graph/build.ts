import Graph from "graphology";
import type { AbstractGraph } from "graphology-types";
import type {
  EdgeType,
  Entity,
  Extraction,
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
  Mention,
  MentionSpan,
  Paper,
  PaperExtraction,
  SourceRef,
  TextSpan,
} from "../types.js";

/**
 * The key of an edge, made from its ends: "paper:1234->method:rotnet" for what a paper does with
 * an entity, "dataset:modelnet40<->method:gnn" for a co-occurrence. graph.json leaves edge keys
 * out (they were a third of the file) because they can be made again from this.
 */
export function edgeKey(source: string, target: string, type: EdgeType): string {
  return type === "cooccurs" ? `${source}<->${target}` : `${source}->${target}`;
}

/**
 * The knowledge graph, a graphology graph. Typed by graphology-types' interface rather than by
 * graphology's class, whose CommonJS declarations an ES module compiled with NodeNext resolution
 * reads as a namespace: the library's declarations must type-check in a user's project.
 */
export type KnowledgeGraph = AbstractGraph<
  GraphNodeAttributes,
  GraphEdgeAttributes,
  GraphAttributes
>;

/**
 * The catch-all for invariances outside the taxonomy ("invariant features", "phase invariance"):
 * scored by eval, but as one node it would only tie unrelated papers together, so the graph leaves it out.
 */
export const UNSPECIFIED_INVARIANCE = "invariance:other";

export function paperNodeId(paperId: string): string {
  return `paper:${paperId}`;
}

function sourceLabel(source: SourceRef): string {
  const where =
    source.line !== undefined
      ? `:${source.line}`
      : source.record !== undefined
        ? `#${source.record}`
        : "";
  return `${source.file}${where}`;
}

/** What a paper does with an entity, from the entity's type and, for methods, the paper's role. */
export function edgeTypeOf(mention: Mention): EdgeType {
  switch (mention.type) {
    case "method":
      return mention.role === "proposed" ? "proposes" : "uses";
    case "dataset":
      return "evaluatesOn";
    case "task":
      return "addresses";
    case "invariance":
      return "targets";
  }
}

function addEntityNodes(graph: KnowledgeGraph, entities: readonly Entity[]): void {
  for (const entity of entities) {
    graph.addNode(entity.id, {
      type: entity.type,
      label: entity.name,
      aliases: entity.aliases,
      paperCount: entity.papers.length,
      thread: -1,
      color: "",
      size: 1,
      x: 0,
      y: 0,
    });
  }
}

/**
 * The first sentence naming an entity, as a span of the paper's field: a sentence's text occurs
 * in its field, and where it occurs twice either place reads the same. The others are in the
 * paper's mentions.
 */
function evidenceSpan(paper: Paper, { field, sentence }: Mention): TextSpan {
  const start = paper[field].indexOf(sentence);
  return { field, start, end: start + sentence.length };
}

/**
 * What a paper's node holds of its paper beyond its place on the map: the text the viewer opens
 * and graph.json keeps, which a large build holds in its store rather than its graph.
 */
export interface PaperText {
  abstract: string;
  sources: string[];
  mentions: MentionSpan[];
  authors?: string[];
}

/** Where a large build keeps its papers' texts instead (its store): each paper's, by its node. */
export interface PaperTexts {
  of(paper: string): PaperText | undefined;
}

export function paperText({ paper, mentions }: PaperExtraction): PaperText {
  const text: PaperText = {
    abstract: paper.abstract,
    sources: paper.sources.map(sourceLabel),
    mentions: mentions.map((m) => ({
      field: m.field,
      start: m.start,
      end: m.end,
      entity: m.entityId,
    })),
  };
  if (paper.authors) text.authors = paper.authors;
  return text;
}

/** A paper node's attributes with its text, each where a node built with its text has it. */
export function withPaperText(
  attributes: GraphNodeAttributes,
  { abstract, sources, mentions, authors }: PaperText,
): GraphNodeAttributes {
  const { type, label, subthread, ...rest } = attributes;
  const whole: GraphNodeAttributes = { type, label, abstract, sources, mentions, ...rest };
  if (authors) whole.authors = authors;
  if (subthread !== undefined) whole.subthread = subthread;
  return whole;
}

function addPaper(
  graph: KnowledgeGraph,
  extracted: PaperExtraction,
  keep: (entityId: string) => boolean,
  withText: boolean,
): void {
  const { paper, mentions } = extracted;
  const node = paperNodeId(paper.id);
  const placed: GraphNodeAttributes = {
    type: "paper",
    label: paper.title,
    thread: -1,
    color: "",
    size: 1,
    x: 0,
    y: 0,
  };
  if (paper.date) placed.date = paper.date;
  if (paper.url) placed.url = paper.url;
  const attributes = withText ? withPaperText(placed, paperText(extracted)) : placed;
  graph.addNode(node, attributes);
  for (const [entityId, edge] of paperEdges(paper, mentions))
    if (keep(entityId))
      graph.addEdgeWithKey(edgeKey(node, entityId, edge.type), node, entityId, edge);
}

/**
 * A paper's edges, one to each entity it names (the unspecified invariance aside), in the order of
 * first mention: proposes if any mention proposes it, the first sentence naming it as evidence.
 */
export function* paperEdges(
  paper: Paper,
  mentions: readonly Mention[],
): Generator<[entityId: string, edge: GraphEdgeAttributes]> {
  const byEntity = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = byEntity.get(mention.entityId);
    if (list) list.push(mention);
    else byEntity.set(mention.entityId, [mention]);
  }
  for (const [entityId, entityMentions] of byEntity) {
    if (entityId === UNSPECIFIED_INVARIANCE) continue;
    const first = entityMentions[0] as Mention;
    const edge: GraphEdgeAttributes = {
      type: entityMentions.some((m) => m.role === "proposed") ? "proposes" : edgeTypeOf(first),
      weight: 1,
      evidence: evidenceSpan(paper, first),
    };
    if (first.invariance)
      edge.relation = entityMentions.some((m) => m.invariance?.relation === "equivariant")
        ? "equivariant"
        : "invariant";
    yield [entityId, edge];
  }
}

/**
 * Paper and entity nodes with the typed paper → entity edges, in extraction order. An edge to an
 * entity the extraction does not list (one split off into the tail) is left out with it. Without
 * `withText`, paper nodes hold no PaperText: the caller keeps it.
 */
export function typedGraph(extraction: Extraction, name: string, withText = true): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph({
    type: "undirected",
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes({ name, modularity: 0, resolution: 1 });
  addEntityNodes(
    graph,
    extraction.entities.filter((e) => e.id !== UNSPECIFIED_INVARIANCE),
  );
  const keep = (entityId: string) => graph.hasNode(entityId);
  for (const paper of extraction.papers) addPaper(graph, paper, keep, withText);
  return graph;
}
