import { loadGraph, loadThreads } from "../build-folder.js";
import { UsageError } from "../errors.js";
import { graphStats, type KnowledgeGraph, layoutQuality, narrowerOf } from "../graph/index.js";
import { neighbors } from "../pipeline.js";
import type { NeighborList } from "../query/index.js";
import { NODE_TYPES, type NodeType, type Thread } from "../types.js";
import { type CliIO, count } from "./io.js";

export interface NeighborsCommandOptions {
  graph: string;
  type?: string;
  depth: string;
  limit: string;
  json?: boolean;
}

export function positiveInteger(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${option} must be a whole number of at least 1, got "${value}"`);
  return n;
}

function nodeType(value: string | undefined): NodeType | undefined {
  if (value === undefined) return undefined;
  if (!NODE_TYPES.includes(value as NodeType))
    throw new UsageError(`--type must be one of ${NODE_TYPES.join(", ")}, got "${value}"`);
  return value as NodeType;
}

/** Papers whose titles a link shows before "and N more". */
const PAPERS_SHOWN = 2;
const TITLE_WIDTH = 70;

function shortTitle(title: string): string {
  return title.length <= TITLE_WIDTH ? title : `${title.slice(0, TITLE_WIDTH - 1).trimEnd()}…`;
}

/** The papers behind a link, by title: the first few, and how many more. */
function papersLine(graph: KnowledgeGraph, papers: readonly string[]): string {
  const titles = papers
    .slice(0, PAPERS_SHOWN)
    .map((id) => `"${shortTitle(graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id)}"`);
  const more = papers.length > PAPERS_SHOWN ? `, and ${papers.length - PAPERS_SHOWN} more` : "";
  return `${count(papers.length, "paper")}: ${titles.join(", ")}${more}`;
}

function formatNeighbors(
  graph: KnowledgeGraph,
  { neighbors: list, totals }: NeighborList,
  type: NodeType | undefined,
): string[] {
  if (list.length === 0) return [`  no ${type ? `${type} ` : ""}neighbours`];
  const lines: string[] = [];
  for (const t of NODE_TYPES) {
    const group = list.filter((n) => n.type === t);
    if (group.length === 0) continue;
    const total = totals[t] ?? group.length;
    lines.push(`  ${t} (${total > group.length ? `${group.length} of ${total}` : total})`);
    for (const n of group) {
      lines.push(`    ${n.weight.toFixed(3)}  ${n.label}  (${n.via}, ${n.id})`);
      if (n.type !== "paper") lines.push(`           ${papersLine(graph, n.papers)}`);
    }
  }
  lines.push(WEIGHT_MEANING);
  return lines;
}

const WEIGHT_MEANING =
  "(weight: 1 for a paper's own link; between entities, how far more often papers name both than chance would (NPMI, up to 1); along a path, the product)";

interface Kin {
  id: string;
  label: string;
}

/** The broader entity a concept narrows, and the narrower ones, by id and label. */
function kinship(graph: KnowledgeGraph, id: string): { broader?: Kin; narrower: Kin[] } {
  const kin = (node: string): Kin => ({ id: node, label: graph.getNodeAttribute(node, "label") });
  const broader = graph.hasNode(id) ? graph.getNodeAttribute(id, "broader") : undefined;
  return {
    ...(broader !== undefined && graph.hasNode(broader) ? { broader: kin(broader) } : {}),
    narrower: graph.hasNode(id) ? narrowerOf(graph, id).map(kin) : [],
  };
}

/** Narrower entities a concept's lines name before "and N more". */
const NARROWER_SHOWN = 8;

function kinshipLines({ broader, narrower }: { broader?: Kin; narrower: Kin[] }): string[] {
  const lines: string[] = [];
  if (broader) lines.push(`  narrows ${broader.label} (${broader.id})`);
  if (narrower.length > 0) {
    const shown = narrower.slice(0, NARROWER_SHOWN).map((k) => k.label);
    const more =
      narrower.length > NARROWER_SHOWN ? ` and ${narrower.length - NARROWER_SHOWN} more` : "";
    lines.push(`  narrower: ${shown.join(", ")}${more}`);
  }
  return lines;
}

/** `papergraph neighbors <concept>`: what a concept connects to, and the papers behind each link. */
export async function neighborsCommand(
  concept: string,
  options: NeighborsCommandOptions,
  io: CliIO,
): Promise<number> {
  const type = nodeType(options.type);
  const depth = positiveInteger(options.depth, "--depth");
  const limit = positiveInteger(options.limit, "--limit");
  const graph = await loadGraph(options.graph, io.cwd);
  const result = neighbors(graph, concept, { type, depth, limit });
  const { concept: found, how: foundBy, neighbors: list, totals } = result;
  const kin = kinship(graph, found.id);
  if (options.json) {
    const neighborsJson = list.map(({ id, label, type: t, weight, papers }) => ({
      id,
      label,
      type: t,
      weight,
      papers,
    }));
    io.stdout(`${JSON.stringify({ concept: found, ...kin, neighbors: neighborsJson, totals })}\n`);
    return 0;
  }
  const how =
    foundBy === "spelling"
      ? ` (closest match to "${concept}")`
      : foundBy === "most named"
        ? ` (of the concepts called "${concept}", by far the most named)`
        : "";
  io.stdout(
    `${[
      `${found.label} — ${found.type}, ${found.id}${how}`,
      ...kinshipLines(kin),
      ...formatNeighbors(graph, result, type),
    ].join("\n")}\n`,
  );
  return 0;
}

/** A thread's lines: label and sizes, top entities, an example paper, then its sub-threads indented. */
function threadLines(t: Thread, name: string, indent: string): string[] {
  const lines = [
    `${name}  ${t.label}  (${t.paperCount} papers, ${t.labelPaperCount} naming its label; ${t.size} nodes)`,
  ];
  const top = (["method", "dataset", "task", "invariance"] as const)
    .map((type) => [type, t.top[type].slice(0, 3).map((m) => m.label)] as const)
    .filter(([, labels]) => labels.length > 0)
    .map(([type, labels]) => `${type}s: ${labels.join(", ")}`);
  if (top.length > 0) lines.push(`${indent}${top.join("; ")}`);
  if (t.papers[0]) lines.push(`${indent}e.g. ${t.papers[0].label}`);
  for (const sub of t.subthreads ?? [])
    lines.push(
      ...threadLines(
        sub,
        `${indent}${sub.path}`,
        `${indent}${" ".repeat((sub.path ?? "").length + 2)}`,
      ),
    );
  return lines;
}

/** `papergraph threads`: the research threads with their labels, sizes and top entities. */
export async function threadsCommand(
  options: { graph: string; json?: boolean },
  io: CliIO,
): Promise<number> {
  const report = await loadThreads(options.graph, io.cwd);
  if (options.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const lines = [
    `${report.threads.length} research threads, modularity ${report.modularity.toFixed(3)}`,
  ];
  for (const t of report.threads)
    lines.push(...threadLines(t, String(t.id).padStart(3), "       "));
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

/** `papergraph stats`: counts by type, threads, modularity, density; with --layout, the map's quality. */
export async function statsCommand(
  options: { graph: string; json?: boolean; layout?: boolean },
  io: CliIO,
): Promise<number> {
  const graph = await loadGraph(options.graph, io.cwd);
  const stats = graphStats(graph);
  const layout = options.layout ? layoutQuality(graph) : undefined;
  if (options.json) {
    io.stdout(`${JSON.stringify(layout ? { ...stats, layout } : stats)}\n`);
    return 0;
  }
  const byType = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
  io.stdout(
    `${[
      `nodes: ${stats.nodes} (${byType(stats.nodesByType)})`,
      `edges: ${stats.edges} (${byType(stats.edgesByType)})`,
      `threads: ${stats.threads}, modularity ${stats.modularity.toFixed(3)}, density ${stats.density}`,
      ...(layout
        ? [
            `layout: silhouette of threads ${layout.silhouette.toFixed(3)}, neighbour preservation ${layout.preservation.toFixed(3)} (over ${layout.sampled.silhouette} and ${layout.sampled.preservation} nodes)`,
          ]
        : []),
    ].join("\n")}\n`,
  );
  return 0;
}
