import type { KnowledgeGraph } from "../graph/index.js";
import type { TextSpan } from "../types.js";

/**
 * One CSV cell: quoted when it holds a comma, quote or line break, and prefixed with "'" when it
 * begins with =, +, - or @, so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rows(header: string[], lines: unknown[][]): string {
  return `${[header.join(","), ...lines.map((line) => line.map(csvCell).join(","))].join("\n")}\n`;
}

/** The text of an evidence span, read from the paper it belongs to. */
function evidenceText(graph: KnowledgeGraph, paper: string, span: TextSpan | undefined): string {
  if (!span) return "";
  const text =
    span.field === "title"
      ? graph.getNodeAttribute(paper, "label")
      : graph.getNodeAttribute(paper, "abstract");
  return (text ?? "").slice(span.start, span.end);
}

/**
 * nodes.csv and edges.csv with headers in neo4j-admin import's format (`id:ID`, `:LABEL`,
 * `:START_ID`, `:END_ID`, `:TYPE`, typed columns), which spreadsheets read as plain headers.
 */
export function toCsv(graph: KnowledgeGraph): { nodes: string; edges: string } {
  const nodes = graph.mapNodes((node, a) => [
    node,
    a.type,
    a.label,
    a.thread,
    a.paperCount ?? "",
    a.aliases ?? [],
    a.broader ?? "",
    a.date ?? "",
    a.url ?? "",
    a.color,
    a.size,
    a.x,
    a.y,
  ]);
  const edges = graph.mapEdges((_, a, source, target) => [
    source,
    target,
    a.type,
    a.weight,
    a.relation ?? "",
    a.count ?? "",
    evidenceText(graph, source, a.evidence),
  ]);
  return {
    nodes: rows(
      [
        "id:ID",
        ":LABEL",
        "label",
        "thread:int",
        "paperCount:int",
        "aliases:string[]",
        "broader",
        "date",
        "url",
        "color",
        "size:float",
        "x:float",
        "y:float",
      ],
      nodes,
    ),
    edges: rows(
      [":START_ID", ":END_ID", ":TYPE", "weight:float", "relation", "count:int", "evidence"],
      edges,
    ),
  };
}
