import { linkStrength } from "../../src/graph/cooccurrence.js";
import { narrowerOf } from "../../src/graph/kinship.js";
import type {
  EdgeType,
  GraphEdgeAttributes,
  GraphNodeAttributes,
  MentionSpan,
  NodeType,
  Thread,
} from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import { type AskGaps, gapsSection } from "./gaps.js";
import { TYPE_STYLE } from "./reducers.js";
import { monthSection } from "./time.js";

export interface PanelActions {
  select: (id: string) => void;
  focusThread: (thread: number) => void;
  close: () => void;
  /** Curator mode's fixes for an entity, when it is on. */
  fixes?: (node: string) => HTMLElement | null;
  /** Asks the server for gaps; absent in the offline page. */
  gaps?: AskGaps;
}

const ENTITY_TYPES: NodeType[] = ["method", "dataset", "task", "invariance"];
const EDGE_VERB: Record<EdgeType, string> = {
  proposes: "proposed",
  uses: "used",
  evaluatesOn: "evaluated on",
  addresses: "addressed",
  targets: "targeted",
  cooccurs: "named together",
};

export function link(label: string, onClick: () => void, className = "link"): HTMLButtonElement {
  const button = h("button", { type: "button", class: className }, label);
  button.addEventListener("click", onClick);
  return button;
}

/** A field's text with each extracted mention marked; every piece is a text node. */
export function highlighted(
  text: string,
  spans: MentionSpan[],
  graph: ViewerGraph,
  actions: PanelActions,
): HTMLElement {
  const paragraph = h("p", { class: "abstract" });
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at || !graph.hasNode(span.entity)) continue;
    paragraph.append(text.slice(at, span.start));
    const { type, label } = graph.getNodeAttributes(span.entity);
    const mark = h(
      "mark",
      { class: `mention ${type}`, title: `${type}: ${label}`, tabindex: "0" },
      text.slice(span.start, span.end),
    );
    mark.addEventListener("click", () => actions.select(span.entity));
    paragraph.append(mark);
    at = span.end;
  }
  paragraph.append(text.slice(at));
  return paragraph;
}

/** The first dozen other spellings, and how many more there are. */
function aliasList(aliases: string[]): string {
  const shown = aliases.slice(0, 12).join(", ");
  return aliases.length > 12 ? `${shown} and ${aliases.length - 12} more` : shown;
}

function threadLine(
  attributes: GraphNodeAttributes,
  threads: Thread[],
  actions: PanelActions,
): HTMLElement {
  const thread = threads.find((t) => t.id === attributes.thread);
  if (!thread) return h("p", { class: "meta" }, "In no research thread");
  return h(
    "p",
    { class: "meta" },
    h("span", { class: "swatch", style: `background:${thread.color}` }),
    link(`Thread ${thread.id}: ${thread.label}`, () => actions.focusThread(thread.id)),
  );
}

function paperCard(
  graph: ViewerGraph,
  paper: string,
  actions: PanelActions,
  open: boolean,
): HTMLElement {
  const a = graph.getNodeAttributes(paper);
  const details = h(
    "details",
    { class: "paper-card" },
    h(
      "summary",
      {},
      h("span", { class: "paper-title" }, a.label),
      a.date ? h("span", { class: "date" }, a.date) : null,
    ),
    highlighted(
      a.abstract || "(no abstract)",
      (a.mentions ?? []).filter((m) => m.field === "abstract"),
      graph,
      actions,
    ),
    link("Open this paper", () => actions.select(paper)),
  );
  details.open = open;
  return details;
}

const COOCCURRENCE_MEANING =
  "Papers naming both, and how far more often they name both than chance would (NPMI: 0 as often as chance, 1 always together). Links are listed by both: strong and well supported first.";

/** A link's rank in the panel: strength grown with the papers behind it, as `neighbors` ranks. */
function support(edge: GraphEdgeAttributes): number {
  return linkStrength(edge.weight, edge.count ?? edge.papers?.length ?? 1);
}

function neighborGroups(graph: ViewerGraph, node: string, actions: PanelActions): HTMLElement[] {
  const sections: HTMLElement[] = [];
  for (const type of ENTITY_TYPES) {
    const rows = graph
      .filterNeighbors(node, (_, a) => a.type === type)
      .map((other) => ({ other, edge: graph.getEdgeAttributes(graph.edge(node, other) as string) }))
      .sort(
        (x, y) =>
          support(y.edge) - support(x.edge) ||
          y.edge.weight - x.edge.weight ||
          graph
            .getNodeAttribute(x.other, "label")
            .localeCompare(graph.getNodeAttribute(y.other, "label")),
      );
    if (rows.length === 0) continue;
    sections.push(
      h(
        "section",
        { class: "group" },
        h("h3", {}, `${TYPE_STYLE[type].label} (${rows.length})`),
        h(
          "ul",
          { class: "neighbors" },
          ...rows.map(({ other, edge }) => {
            const papers = edge.papers ?? [];
            const item = h(
              "li",
              {},
              link(graph.getNodeAttribute(other, "label"), () => actions.select(other)),
              edge.type === "cooccurs"
                ? h(
                    "span",
                    { class: "weight", title: COOCCURRENCE_MEANING },
                    `${edge.count} papers · NPMI ${edge.weight.toFixed(2)}`,
                  )
                : h("span", { class: "weight" }, EDGE_VERB[edge.type]),
            );
            if (papers.length > 0) {
              item.append(
                h(
                  "details",
                  { class: "behind" },
                  h("summary", {}, "papers behind this link"),
                  h(
                    "ul",
                    {},
                    ...papers
                      .filter((p) => graph.hasNode(p))
                      .map((p) =>
                        h(
                          "li",
                          {},
                          link(graph.getNodeAttribute(p, "label"), () => actions.select(p)),
                        ),
                      ),
                  ),
                ),
              );
            }
            return item;
          }),
        ),
      ),
    );
  }
  return sections;
}

function entityPanel(
  graph: ViewerGraph,
  node: string,
  threads: Thread[],
  actions: PanelActions,
): HTMLElement[] {
  const a = graph.getNodeAttributes(node);
  const papers = graph
    .filterNeighbors(node, (_, n) => n.type === "paper")
    .sort((x, y) =>
      (graph.getNodeAttribute(y, "date") ?? "").localeCompare(
        graph.getNodeAttribute(x, "date") ?? "",
      ),
    );
  return [
    h(
      "p",
      { class: "meta" },
      h("span", { class: `badge ${a.type}` }, a.type),
      ` named by ${a.paperCount ?? papers.length} paper${(a.paperCount ?? 0) === 1 ? "" : "s"}`,
    ),
    threadLine(a, threads, actions),
    a.aliases && a.aliases.length > 0
      ? h("p", { class: "aliases" }, `Also written: ${aliasList(a.aliases)}`)
      : null,
    kinshipLine(graph, node, actions),
    actions.fixes?.(node) ?? null,
    monthSection(graph, papers),
    ...neighborGroups(graph, node, actions),
    actions.gaps && a.type !== "paper"
      ? gapsSection(graph, node, actions.gaps, actions.select)
      : null,
    h(
      "section",
      { class: "group" },
      h("h3", {}, `Papers (${papers.length})`),
      ...papers.map((p, i) => paperCard(graph, p, actions, i === 0)),
    ),
  ].filter((e): e is HTMLElement => e !== null);
}

/** Narrower entities a broader one lists by name, most named first, before "and N more". */
const NARROWER_SHOWN = 8;

/**
 * The broader entity this one narrows and the narrower ones that narrow it ("6D object pose
 * estimation" and "pose estimation"), which the map keeps apart as two nodes.
 */
function kinshipLine(graph: ViewerGraph, node: string, actions: PanelActions): HTMLElement | null {
  const { broader } = graph.getNodeAttributes(node);
  const narrower = narrowerOf(graph, node);
  const parts: (HTMLElement | string)[] = [];
  if (broader && graph.hasNode(broader)) {
    parts.push("Narrows ");
    parts.push(link(graph.getNodeAttribute(broader, "label"), () => actions.select(broader)));
  }
  const links = (ids: string[]) =>
    ids.flatMap((other, i) => [
      ...(i > 0 ? [", "] : []),
      link(graph.getNodeAttribute(other, "label"), () => actions.select(other)),
    ]);
  if (narrower.length > 0) {
    parts.push(parts.length > 0 ? "; narrower: " : "Narrower: ");
    parts.push(...links(narrower.slice(0, NARROWER_SHOWN)));
  }
  if (parts.length === 0) return null;
  const line = h("div", { class: "kinship" }, h("p", {}, ...parts));
  // The rest on request: "pose estimation" has dozens, most of them named by one paper.
  if (narrower.length > NARROWER_SHOWN)
    line.append(
      h(
        "details",
        { class: "behind" },
        h("summary", {}, `and ${narrower.length - NARROWER_SHOWN} more`),
        h("p", {}, ...links(narrower.slice(NARROWER_SHOWN))),
      ),
    );
  return line;
}

function paperPanel(
  graph: ViewerGraph,
  node: string,
  threads: Thread[],
  actions: PanelActions,
): HTMLElement[] {
  const a = graph.getNodeAttributes(node);
  const safeUrl = a.url && /^https?:\/\//i.test(a.url) ? a.url : undefined;
  const extracted = ENTITY_TYPES.map((type) => {
    const rows = graph.filterNeighbors(node, (_, n) => n.type === type);
    if (rows.length === 0) return null;
    return h(
      "section",
      { class: "group" },
      h("h3", {}, `${TYPE_STYLE[type].label} (${rows.length})`),
      h(
        "ul",
        { class: "neighbors" },
        ...rows.map((other) => {
          const edge = graph.getEdgeAttributes(graph.edge(node, other) as string);
          return h(
            "li",
            {},
            link(graph.getNodeAttribute(other, "label"), () => actions.select(other)),
            h("span", { class: "weight" }, EDGE_VERB[edge.type]),
          );
        }),
      ),
    );
  });
  return [
    h(
      "p",
      { class: "meta" },
      h("span", { class: "badge paper" }, "paper"),
      a.date ? ` ${a.date}` : "",
      a.authors ? ` · ${a.authors.join(", ")}` : "",
    ),
    threadLine(a, threads, actions),
    safeUrl
      ? h(
          "p",
          { class: "meta" },
          h("a", { href: safeUrl, target: "_blank", rel: "noopener noreferrer" }, safeUrl),
        )
      : null,
    h("h3", {}, "Abstract"),
    highlighted(
      a.abstract || "(no abstract)",
      (a.mentions ?? []).filter((m) => m.field === "abstract"),
      graph,
      actions,
    ),
    ...extracted,
    a.sources ? h("p", { class: "sources" }, `From ${a.sources.join(", ")}`) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

/** The side panel of the selected node: an entity with its neighbours and papers, or a paper. */
export function renderPanel(
  panel: HTMLElement,
  graph: ViewerGraph,
  node: string | null,
  threads: Thread[],
  actions: PanelActions,
): void {
  if (!node || !graph.hasNode(node)) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const a = graph.getNodeAttributes(node);
  const header = h(
    "header",
    { class: "panel-header" },
    h("h2", {}, a.label),
    link("×", actions.close, "close"),
  );
  const body =
    a.type === "paper"
      ? paperPanel(graph, node, threads, actions)
      : entityPanel(graph, node, threads, actions);
  panel.replaceChildren(header, ...body);
  panel.hidden = false;
  panel.scrollTop = 0;
}
