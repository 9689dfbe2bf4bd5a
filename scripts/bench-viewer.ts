/**
 * Viewer benchmark (npm run bench:viewer): a synthetic graph of 20,000 nodes and 100,000 edges, or
 * a real build (--graph DIR), in headless Chromium: time to first render and to the whole map
 * (the medians of three page loads), frames per second while panning and zooming, and how long a hover and a selection
 * take to redraw the map. Prints figures; asserts nothing.
 * Options: --graph DIR --nodes N --edges N --seconds S --json
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Graph from "graphology";
import { toJson, type ViewerMap } from "../src/export/index.js";
import type { KnowledgeGraph } from "../src/graph/index.js";
import { threadColor } from "../src/graph/index.js";
import { writeFileAtomic } from "../src/io/index.js";
import { seededRandom } from "../src/random.js";
import type { NodeType, ThreadReport } from "../src/types.js";
import { launch, openViewer, serveGraph } from "../tests/e2e/browser.js";
import { tempDir } from "../tests/helpers/cli.js";

const { values } = parseArgs({
  options: {
    graph: { type: "string" },
    nodes: { type: "string", default: "20000" },
    edges: { type: "string", default: "100000" },
    seconds: { type: "string", default: "4" },
    json: { type: "boolean", default: false },
  },
});
const NODES = Number(values.nodes);
const EDGES = Number(values.edges);
const TYPES: NodeType[] = ["paper", "paper", "paper", "method", "dataset", "task", "invariance"];
const THREADS = 20;

/** Clustered random graph: each node belongs to a thread and most edges stay inside it. */
function syntheticGraph(): { graph: KnowledgeGraph; threads: ThreadReport } {
  const random = seededRandom(1);
  const graph = new Graph({ type: "undirected" }) as KnowledgeGraph;
  graph.replaceAttributes({ name: "synthetic", modularity: 0, resolution: 1 });
  for (let i = 0; i < NODES; i++) {
    const thread = i % THREADS;
    const angle = (2 * Math.PI * thread) / THREADS;
    const type = TYPES[Math.floor(random() * TYPES.length)] as NodeType;
    graph.addNode(`n${i}`, {
      type,
      label: `${type} ${i}`,
      thread,
      color: threadColor(thread),
      size: type === "paper" ? 2 : 3 + random() * 6,
      x: Math.cos(angle) * 1000 + (random() - 0.5) * 700,
      y: Math.sin(angle) * 1000 + (random() - 0.5) * 700,
      paperCount: 1,
    });
  }
  while (graph.size < EDGES) {
    const a = Math.floor(random() * NODES);
    const sameThread = random() < 0.9;
    const b = sameThread
      ? (Math.floor(random() * (NODES / THREADS)) * THREADS + (a % THREADS)) % NODES
      : Math.floor(random() * NODES);
    if (a !== b && !graph.hasEdge(`n${a}`, `n${b}`))
      graph.addEdge(`n${a}`, `n${b}`, { type: "uses", weight: 1 });
  }
  const threads: ThreadReport = { modularity: 0, resolution: 1, threads: [] };
  return { graph, threads };
}

/**
 * The build to open, the one given (its size as its map.json says: graph.json may be larger than
 * one string holds), or a synthetic graph written for the run.
 */
async function graphDir(): Promise<{ dir: string; graph: { order: number; size: number } }> {
  if (values.graph) {
    const map = JSON.parse(await readFile(join(values.graph, "map.json"), "utf8")) as ViewerMap;
    return { dir: values.graph, graph: map.whole };
  }
  const { graph, threads } = syntheticGraph();
  const dir = await tempDir();
  await writeFileAtomic(join(dir, "graph.json"), toJson(graph));
  await writeFileAtomic(join(dir, "threads.json"), JSON.stringify(threads));
  return { dir, graph };
}

const { dir, graph } = await graphDir();
const { server, url } = await serveGraph(dir);
const browser = await launch();
const seconds = Number(values.seconds);
const firstRenders: number[] = [];
const wholeMaps: number[] = [];
for (let load = 0; load < 3; load++) {
  const opened = await openViewer(browser, url);
  firstRenders.push(
    await opened.evaluate(
      () => performance.getEntriesByName("papergraph:first-render")[0]?.startTime ?? Number.NaN,
    ),
  );
  const marks = await opened.evaluate(() =>
    [
      "papergraph:data-loaded",
      "papergraph:sigma-ready",
      "papergraph:first-render",
      "papergraph:whole-map",
    ].map((name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN)),
  );
  wholeMaps.push(marks[3] as number);
  process.stderr.write(
    `  load ${load + 1}: data loaded ${marks[0]} ms, sigma ready ${marks[1]} ms, first frame ${marks[2]} ms, whole map ${marks[3]} ms\n`,
  );
  await opened.close();
}
const firstRender = [...firstRenders].sort((a, b) => a - b)[1] as number;
const page = await openViewer(browser, url);
// A person pans (drag) and zooms (wheel) for a few seconds while the page counts the frames it paints.
// The counter is passed as source text: tsx would wrap a function's closures in a helper the page lacks.
await page.evaluate(
  `window.frames_ = 0; (function count() { window.frames_++; requestAnimationFrame(count); })()`,
);
const box = (await page.locator("#map").boundingBox()) ?? { x: 0, y: 0, width: 800, height: 600 };
const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
const started = performance.now();
const before = (await page.evaluate("window.frames_")) as number;
for (let step = 0; performance.now() - started < seconds * 1000; step++) {
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++)
    await page.mouse.move(cx + 15 * k * Math.cos(step), cy + 15 * k * Math.sin(step));
  await page.mouse.up();
  await page.mouse.wheel(0, step % 2 === 0 ? -240 : 240);
}
const fps =
  (((await page.evaluate("window.frames_")) as number) - before) /
  ((performance.now() - started) / 1000);
// A hover and a selection, as the store sets them when a person points at or clicks the most
// connected entity: the milliseconds until the map is redrawn (the median of five hovers).
const { hoverMs, selectMs } = (await page.evaluate(`(() => {
  const { graph, store } = window.papergraph;
  let node = null;
  graph.forEachNode((n, a) => {
    if (a.type !== "paper" && (node === null || graph.degree(n) > graph.degree(node))) node = n;
  });
  const timed = (state) => { const t = performance.now(); store.set(state); return performance.now() - t; };
  const hovers = [];
  for (let i = 0; i < 5; i++) { hovers.push(timed({ hovered: node })); timed({ hovered: null }); }
  hovers.sort((a, b) => a - b);
  return { hoverMs: hovers[2], selectMs: timed({ selected: node }) };
})()`)) as { hoverMs: number; selectMs: number };
const result = {
  nodes: graph.order,
  edges: graph.size,
  firstRenderMs: Math.round(firstRender),
  firstRenderRunsMs: firstRenders.map(Math.round),
  wholeMapMs: [...wholeMaps].sort((a, b) => a - b)[1] as number,
  fps: Math.round(fps * 10) / 10,
  hoverMs: Math.round(hoverMs),
  selectMs: Math.round(selectMs),
  browser: browser.version(),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(
    `viewer benchmark: ${result.nodes} nodes, ${result.edges} edges, headless Chromium ${result.browser} (software WebGL)`,
  );
  console.log(
    `  time to first render: ${result.firstRenderMs} ms, median of ${result.firstRenderRunsMs.join(", ")} (from navigation start, data load included)`,
  );
  console.log(`  whole map ready:      ${result.wholeMapMs} ms, median of three loads`);
  console.log(`  panning and zooming:  ${result.fps} frames per second over ${seconds} s`);
  console.log(
    `  hover, then select, the most connected entity: ${result.hoverMs} ms, ${result.selectMs} ms until redrawn`,
  );
}
await browser.close();
server.close();
