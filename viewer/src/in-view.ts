/**
 * On a map too large to draw whole, the papers a person has zoomed in to see are drawn where the
 * camera looks, and nowhere else, and only once they are few enough to tell apart: at 74,722
 * papers, zoomed in, sigma drew 77,587 nodes a frame (0.8 to 1.3 s with software WebGL) where a
 * screen shows a few thousand. Entities are left as the level of detail draws them: they carry the
 * labels, whose grid sigma builds only when it processes the whole graph.
 */
import type Sigma from "sigma";
import type { ViewerGraph } from "./data.js";

/** A region of the graph's plane: left, top, right, bottom in graph coordinates. */
export type ViewBox = readonly [x0: number, y0: number, x1: number, y1: number];

/** The whole plane: where nothing is culled. */
export const EVERYWHERE: ViewBox = [
  Number.NEGATIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.POSITIVE_INFINITY,
  Number.POSITIVE_INFINITY,
];

/** Where no paper is drawn: the camera frames more papers than PAPERS_IN_VIEW. */
const NOWHERE: ViewBox = [
  Number.POSITIVE_INFINITY,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/**
 * Papers are drawn once the camera frames at most this many (zoom in further to see them): with
 * the overview's entities, a frame of about 100 ms with software WebGL.
 */
export const PAPERS_IN_VIEW = 8000;

/** How far past each side of the screen papers are still drawn, as a share of the screen. */
const MARGIN = 0.3;

/** How long the camera rests before the papers in view are drawn again, in milliseconds. */
const SETTLE_MS = 120;

export const inBox = (box: ViewBox, x: number, y: number): boolean =>
  x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];

/** What the camera frames, with a margin on every side, in graph coordinates. */
function viewBox(renderer: Sigma): ViewBox {
  const { width, height } = renderer.getDimensions();
  const corners = [
    renderer.viewportToGraph({ x: -MARGIN * width, y: -MARGIN * height }),
    renderer.viewportToGraph({ x: (1 + MARGIN) * width, y: (1 + MARGIN) * height }),
  ];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Where papers are drawn: the box the camera frames, unless it holds too many of them. */
function paperBox(renderer: Sigma, graph: ViewerGraph): ViewBox {
  const box = viewBox(renderer);
  let papers = 0;
  graph.forEachNode((_, a) => {
    if (a.type === "paper" && inBox(box, a.x, a.y)) papers++;
  });
  return papers <= PAPERS_IN_VIEW ? box : NOWHERE;
}

/** Where papers are drawn, and how to move it to the camera before a refresh redraws them all. */
export interface PaperCulling {
  box: () => ViewBox;
  reframe: () => void;
  /** Whether the camera frames more papers than are drawn at once. */
  tooMany: () => boolean;
}

/**
 * Keeps the box the node reducer culls papers by where the camera rests: once it has rested, the
 * papers that entered or left the box are redrawn, with their edges, and nothing else.
 */
export function mountPaperCulling(
  renderer: Sigma,
  graph: ViewerGraph,
  /** Called whenever the box moves. */
  onMove: () => void,
): PaperCulling {
  let drawn = paperBox(renderer, graph);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    const before = drawn;
    drawn = paperBox(renderer, graph);
    const nodes: string[] = [];
    const edges: string[] = [];
    graph.forEachNode((node, a) => {
      if (a.type === "paper" && inBox(before, a.x, a.y) !== inBox(drawn, a.x, a.y)) {
        nodes.push(node);
        graph.forEachEdge(node, (edge) => {
          edges.push(edge);
        });
      }
    });
    if (nodes.length > 0)
      renderer.refresh({ partialGraph: { nodes, edges }, skipIndexation: true, schedule: true });
    onMove();
  };
  renderer.getCamera().on("updated", () => {
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  });
  return {
    box: () => drawn,
    reframe: () => {
      drawn = paperBox(renderer, graph);
      onMove();
    },
    tooMany: () => drawn === NOWHERE,
  };
}
