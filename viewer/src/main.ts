import { createNodeBorderProgram } from "@sigma/node-border";
import { NodeSquareProgram } from "@sigma/node-square";
import type Graph from "graphology";
import Sigma from "sigma";
import { EdgeRectangleProgram } from "sigma/rendering";
import { toGexf } from "../../src/export/gexf.js";
import { SPARSE_MAP_FROM } from "../../src/export/level-of-detail.js";
import type { NodeType } from "../../src/types.js";
import { fixChannel, takeSavedView } from "./curate.js";
import { type Curator, mountCurator } from "./curator-ui.js";
import { EMBEDDED_DATA_ID, loadData, type ViewerData } from "./data.js";
import { mountDetailControl } from "./detail.js";
import { byId, download } from "./dom.js";
import { askServer } from "./gaps.js";
import { EVERYWHERE, mountPaperCulling, PAPERS_IN_VIEW, type PaperCulling } from "./in-view.js";
import { mountRisingList, mountThreadLegend, mountTypeLegend } from "./legend.js";
import { mountHistory, mountKeyboard } from "./navigation.js";
import { firstSeenScale, mountFirstSeenOverlay } from "./overlay.js";
import { packedEdgeProgram, packedNodeProgram } from "./packed-programs.js";
import { renderPanel } from "./panel.js";
import { downloadMapPNG } from "./png.js";
import { focusOf, LARGE_MAP_FROM, makeReducers, pointedItems } from "./reducers.js";
import { mountRegionLabels, ZOOMED_IN } from "./regions.js";
import { mountSearch, offMapNote, searchIndex, searchServer } from "./search.js";
import { INITIAL_STATE, Store } from "./store.js";
import { renderThreadPanel } from "./thread-panel.js";
import { mountTimeControl, nodesInTime } from "./time.js";
import { stateFromUrl, unknownInUrl } from "./url.js";
import "./styles.css";

const NodeBorderProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.18 }, color: { attribute: "borderColor" } },
    { size: { fill: true }, color: { attribute: "color" } },
  ],
});

/** The layout where the side panel becomes a sheet over the map (the stylesheet's breakpoint). */
const NARROW = "(max-width: 820px)";

function loadFailed(error: Error): void {
  byId("status").textContent = `Could not load the graph: ${error.message}`;
  document.body.dataset.ready = "error";
}

function start(
  { graph, whole, loadRest, threads, loadDetails }: ViewerData,
  saved: ReturnType<typeof takeSavedView>,
): void {
  performance.mark("papergraph:data-loaded");
  const hasThread = (id: number) => threads.threads.some((t) => t.id === id);
  const fromUrl = stateFromUrl(location.search, (id) => graph.hasNode(id), hasThread);
  const unknown = unknownInUrl(location.search, (id) => graph.hasNode(id), hasThread);
  const store = new Store({
    ...INITIAL_STATE,
    minPapers: whole.minPapers,
    ...fromUrl,
    ...(saved
      ? { selected: saved.selected && graph.hasNode(saved.selected) ? saved.selected : null }
      : {}),
    curating: saved !== undefined,
  });
  // On a large map a hover redraws the hovered neighbourhood only: redrawing every node lagged.
  const quietHover = whole.order > LARGE_MAP_FROM;
  let focus = focusOf(graph, store.state, quietHover);
  let overview = true;
  let inTime = nodesInTime(graph, store.state.dateFrom, store.state.dateTo);
  const firstSeen = firstSeenScale(graph);
  // Set once the renderer is made: the reducers are made before it.
  let culling: PaperCulling | undefined;
  const { nodeReducer, edgeReducer } = makeReducers(
    graph,
    whole,
    () => store.state,
    () => focus,
    () => overview,
    () => inTime,
    firstSeen?.color ?? null,
    () => culling?.box() ?? EVERYWHERE,
  );
  // Sigma is untyped over attributes here; the reducers read them as the graph schema says.
  const renderer = new Sigma(graph as unknown as Graph, byId("map"), {
    nodeProgramClasses: {
      bordered: packedNodeProgram(NodeBorderProgram),
      square: packedNodeProgram(NodeSquareProgram),
    },
    edgeProgramClasses: { line: packedEdgeProgram(EdgeRectangleProgram) },
    defaultNodeType: "bordered",
    nodeReducer,
    edgeReducer,
    zIndex: true,
    labelDensity: 0.08,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 7,
    labelFont: "system-ui, sans-serif",
    minCameraRatio: 0.02,
    // Large graphs stay fluid while the camera moves: edges and labels come back when it stops
    // (and sigma processes every node and edge again). A map that draws edges only around a focus
    // has few to draw, and they stay.
    hideEdgesOnMove: whole.size > 20_000 && whole.order <= SPARSE_MAP_FROM,
    hideLabelsOnMove: whole.size > 20_000,
    maxCameraRatio: 4,
  });
  // The whole graph's frame, so the map does not move when the rest of a large one arrives.
  renderer.setCustomBBox(whole.extent);
  if (whole.order > SPARSE_MAP_FROM) {
    // Zoomed in where papers are too many to draw, the map says why none show.
    const hint = byId("map-hint");
    culling = mountPaperCulling(renderer, graph, () => {
      const shown = !overview && !store.state.hiddenTypes.has("paper") && culling?.tooMany();
      hint.hidden = !shown;
      hint.textContent = shown
        ? `Papers are drawn once ${PAPERS_IN_VIEW.toLocaleString("en")} or fewer are in view: zoom in further`
        : "";
    });
  }

  performance.mark("papergraph:sigma-ready");
  const camera = renderer.getCamera();
  // Node labels come and go as the map is zoomed past the overview: the reducers run again then.
  camera.on("updated", ({ ratio }) => {
    if (ratio >= ZOOMED_IN === overview) return;
    overview = ratio >= ZOOMED_IN;
    culling?.reframe();
    renderer.refresh({ skipIndexation: true });
  });
  /**
   * On a phone the panel is a sheet over the lower half of the map: what is framed is lifted into
   * the half above it, where it stays in sight.
   */
  const lifted = (target: { x: number; y: number; ratio: number }) => {
    if (!window.matchMedia(NARROW).matches) return target;
    const { width, height } = renderer.getDimensions();
    const state = { ...camera.getState(), ...target };
    const shown = renderer.viewportToFramedGraph(
      { x: width / 2, y: height * 0.22 },
      { cameraState: state },
    );
    return { ...target, x: 2 * target.x - shown.x, y: 2 * target.y - shown.y };
  };
  const zoomTo = (node: string) => {
    const position = renderer.getNodeDisplayData(node);
    if (position)
      camera.animate(
        lifted({ x: position.x, y: position.y, ratio: Math.min(camera.ratio, 0.25) }),
        { duration: 500 },
      );
  };
  /** Frames a set of nodes: their centre, zoomed so all of them show. */
  const fitNodes = (nodes: string[]) => {
    const points = nodes.map((n) => renderer.getNodeDisplayData(n)).filter((p) => p !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [
      Math.min(...xs),
      Math.max(...xs),
      Math.min(...ys),
      Math.max(...ys),
    ];
    const ratio = Math.min(1, Math.max(0.05, Math.max(maxX - minX, maxY - minY) * 1.3));
    camera.animate(lifted({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }), {
      duration: 500,
    });
  };
  let curator: Curator | undefined;
  /** A selection is framed with its neighbours, when they are few enough to read. */
  const frame = (id: string) => {
    const neighbours = graph.neighbors(id);
    if (neighbours.length > 0 && neighbours.length <= 60) fitNodes([id, ...neighbours]);
    else zoomTo(id);
  };
  const select = (id: string) => {
    if (curator?.pick(id)) return;
    store.set({ selected: id, hovered: null });
    frame(id);
  };

  // The offline page has its data embedded and no server to ask (search, gaps).
  const served = document.getElementById(EMBEDDED_DATA_ID) === null;
  const offMap = whole.offMap ?? 0;
  /** A search result: one the map left off is put on it first, beside its paper. */
  const openFound = async (id: string, paper?: string) => {
    if (!graph.hasNode(id) && paper) await loadDetails([paper]);
    if (graph.hasNode(id)) select(id);
  };

  const panel = byId("panel");
  const channel = fixChannel(!served, () => location.reload());
  if (channel) curator = mountCurator(graph, store, channel, () => camera.getState());
  const actions = {
    select,
    focusThread: (thread: number) => store.set({ thread, selected: null }),
    // Closing a node's panel goes back to its thread's, if one is open; closing that, to the map.
    close: () =>
      store.state.selected ? store.set({ selected: null }) : store.set({ thread: null }),
    fixes: curator?.fixes,
    gaps: served ? askServer : undefined,
  };
  /** The panel of the selected node, or else of the focused thread, or none. */
  const showPanel = async (state: typeof store.state) => {
    const thread = threads.threads.find((t) => t.id === state.thread);
    if (!state.selected && thread) return renderThreadPanel(panel, graph, thread, actions);
    const { selected } = state;
    if (selected && graph.hasNode(selected)) {
      // The papers' abstracts and mentions are fetched as a panel first needs them.
      const papers =
        graph.getNodeAttribute(selected, "type") === "paper"
          ? [selected]
          : graph.filterNeighbors(selected, (_, a) => a.type === "paper");
      await loadDetails(papers);
      if (store.state.selected !== selected) return;
    }
    renderPanel(panel, graph, selected, threads.threads, actions);
  };
  store.subscribe((state, previous) => {
    focus = focusOf(graph, state, quietHover);
    if (state.dateFrom !== previous.dateFrom || state.dateTo !== previous.dateTo)
      inTime = nodesInTime(graph, state.dateFrom, state.dateTo);
    if (
      state.selected !== previous.selected ||
      state.curating !== previous.curating ||
      state.thread !== previous.thread
    )
      void showPanel(state);
    if (state.thread !== previous.thread) {
      if (state.thread === null) camera.animate({ x: 0.5, y: 0.5, ratio: 1 }, { duration: 400 });
      else fitNodes(graph.filterNodes((_, a) => a.thread === state.thread));
    }
    const onlyHover = Object.keys(state).every(
      (key) =>
        key === "hovered" ||
        state[key as keyof typeof state] === previous[key as keyof typeof state],
    );
    if (quietHover && onlyHover)
      renderer.refresh({
        partialGraph: pointedItems(graph, [previous.hovered, state.hovered]),
        skipIndexation: true,
      });
    else renderer.refresh({ skipIndexation: true });
  });

  renderer.on("enterNode", ({ node }) => store.set({ hovered: node }));
  renderer.on("leaveNode", () => store.set({ hovered: null }));
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => store.set({ selected: null }));

  mountRegionLabels(
    byId("region-labels"),
    whole.centres,
    whole.subcentres ?? {},
    threads.threads,
    renderer,
    store,
  );
  mountThreadLegend(byId("thread-legend"), byId("clear-thread"), threads.threads, store);
  mountRisingList(byId("rising-section"), graph, threads.rising, store);
  byId("download-gexf").addEventListener("click", () =>
    download("papergraph.gexf", new Blob([toGexf(graph)], { type: "application/gexf+xml" })),
  );
  byId("download-png").addEventListener("click", () => downloadMapPNG(renderer, threads.threads));
  byId("toggle-sidebar").addEventListener("click", () => byId("sidebar").classList.toggle("open"));
  // On a phone the legend is a drawer: a choice in it closes it, so the map shows what was chosen.
  store.subscribe((state, previous) => {
    if (state.thread !== previous.thread) byId("sidebar").classList.remove("open");
  });
  mountKeyboard(byId("map"), renderer, store);
  mountHistory(store, (id) => graph.hasNode(id));

  if (saved) camera.setState(saved.camera as ReturnType<typeof camera.getState>);
  if (store.state.selected && !saved) frame(store.state.selected);

  /** What reads every node (search, counts, months, the panel) waits for the whole graph. */
  const mountWhole = () => {
    focus = focusOf(graph, store.state, quietHover);
    inTime = nodesInTime(graph, store.state.dateFrom, store.state.dateTo);
    mountSearch(
      byId<HTMLInputElement>("search"),
      byId("suggestions"),
      searchIndex(graph),
      openFound,
      served ? searchServer : undefined,
    );
    mountTypeLegend(byId("type-legend"), graph, store);
    mountDetailControl(byId("detail"), graph, store);
    mountTimeControl(byId("time"), graph, store);
    mountFirstSeenOverlay(byId("time"), firstSeen, store);
    const papers = graph.filterNodes((_, a) => a.type === "paper").length;
    const counts = `${papers} papers · ${graph.order - papers} entities · ${threads.threads.length} threads · modularity ${threads.modularity.toFixed(2)}`;
    byId("status").textContent = offMap > 0 ? `${counts} · ${offMapNote(offMap, served)}` : counts;
    // An address naming what this map lacks is said over the map, where the reader looks.
    if (unknown) {
      byId("notice-text").textContent = unknown;
      byId("notice").hidden = false;
      byId("notice-close").addEventListener("click", () => {
        byId("notice").hidden = true;
      });
    }
    void showPanel(store.state);
    performance.mark("papergraph:whole-map");
    document.body.dataset.ready = "true";
  };

  /** For the console and the end-to-end tests: the live graph and what the map shows. */
  Object.assign(window, {
    papergraph: {
      graph,
      renderer,
      store,
      /** Node labels sigma drew in the last frame. */
      drawnNodeLabels: () =>
        (renderer as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels.size,
      visibleNodes: (type?: NodeType) =>
        graph.filterNodes(
          (node, a) => (!type || a.type === type) && !renderer.getNodeDisplayData(node)?.hidden,
        ).length,
    },
  });
  if (graph.order === whole.order - offMap) {
    mountWhole();
    // Sigma draws the first frame as it is built; the benchmark (npm run bench:viewer) reads this.
    requestAnimationFrame(() => performance.mark("papergraph:first-render"));
    return;
  }
  byId("status").textContent =
    `Overview: the ${graph.order} entities named by ${whole.minPapers} papers or more · loading the rest of the map…`;
  // The overview is drawn first; the rest (papers, rarer entities) is fetched after that frame.
  requestAnimationFrame(() => {
    performance.mark("papergraph:first-render");
    setTimeout(() => loadRest().then(mountWhole, loadFailed));
  });
}

// A fix reloads the page; the view it left is taken back (the curator goes on curating).
const saved = takeSavedView();
loadData()
  .then(async (data) => {
    // A link to a paper, a thread or a range of months needs the whole graph before it is shown.
    if (location.search || saved) await data.loadRest();
    start(data, saved);
  })
  .catch(loadFailed);
