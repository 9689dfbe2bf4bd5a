import type { KnowledgeGraph } from "../graph/index.js";
import type { ThreadReport } from "../types.js";
import { viewerDetails, viewerMaps } from "./viewer-data.js";

/** The built viewer's files, as `vite build viewer` writes them. */
export interface ViewerBundle {
  indexHtml: string;
  js: string;
  css: string;
}

/** JSON that can sit inside a <script> element: "<" escaped so no "</script>" can close it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/**
 * One self-contained HTML file: the viewer's script and styles inlined and the graph embedded as
 * JSON, so it opens from disk (file://) with no server and no network.
 */
export function toHtml(graph: KnowledgeGraph, threads: ThreadReport, viewer: ViewerBundle): string {
  // What the viewer fetches from a build (the map, every paper's details, the threads), inline;
  // a large map's rest in an element of its own, read after the first frame.
  const { map, rest } = viewerMaps(graph);
  const payload = { map, details: viewerDetails(graph), threads };
  const data = [
    `<script type="application/json" id="papergraph-data">${scriptSafeJson(payload)}</script>`,
    ...(rest
      ? [`<script type="application/json" id="papergraph-rest">${scriptSafeJson(rest)}</script>`]
      : []),
  ].join("\n    ");
  const script = `<script type="module">${viewer.js.replaceAll("</script", "<\\/script")}</script>`;
  const style = `<style>${viewer.css.replaceAll("</style", "<\\/style")}</style>`;
  const scriptTag = /<script type="module"[^>]*src="[^"]*viewer\.js"[^>]*><\/script>/;
  const styleTag = /<link rel="stylesheet"[^>]*href="[^"]*viewer\.css"[^>]*>/;
  if (!scriptTag.test(viewer.indexHtml) || !styleTag.test(viewer.indexHtml)) {
    throw new Error(
      "the built viewer's index.html does not load assets/viewer.js and assets/viewer.css",
    );
  }
  return viewer.indexHtml
    .replace(styleTag, () => style)
    .replace(scriptTag, () => `${data}\n    ${script}`);
}
