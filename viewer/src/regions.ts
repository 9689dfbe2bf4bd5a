/**
 * Each research thread's name, large on its region of the map, as Open Knowledge Maps and
 * VOSviewer label clusters: placed at the thread's centre after every frame, biggest threads
 * first, a label left out where it would overlap one already placed. Zooming in, a large thread's
 * label gives way to its sub-threads' (the parts a person zooms into); further in, region labels
 * give way to the nodes' own, and all of them to a focused thread's.
 */
import type Sigma from "sigma";
import type { WholeGraph } from "../../src/export/viewer-data.js";
import type { Thread } from "../../src/types.js";
import { h } from "./dom.js";
import type { Store } from "./store.js";

interface RegionLabel {
  thread: number;
  /** A sub-thread's path ("3.0"); undefined for a thread's own label. */
  path?: string;
  x: number;
  y: number;
  element: HTMLElement;
  /** Font size on a wide screen, in pixels: larger threads speak louder. */
  size: number;
  /** The label's box at the current font size, measured when it changes (not every frame). */
  width: number;
  height: number;
}

/** Map width at which labels have their full size; a phone's narrower map scales them down. */
const FULL_WIDTH = 1000;

/**
 * Below this camera ratio (zoomed in), node labels are readable and region labels step aside;
 * above it (the overview), the regions' labels speak and the nodes' are left out.
 */
export const ZOOMED_IN = 0.35;
/** Below this camera ratio and above ZOOMED_IN, large threads are named by their sub-threads. */
export const SUBTHREADS_AT = 0.75;
/** At most this many region labels: the largest threads; the others' nodes speak for them. */
const MAX_LABELS = 24;
/** At most this many sub-thread labels, the largest first. */
const MAX_SUBTHREAD_LABELS = 80;

/** The first two terms of a thread's label: "diffusion model · image generation". */
function shortLabel(label: string): string {
  return label.split(" · ").slice(0, 2).join(" · ");
}

type Box = [left: number, top: number, right: number, bottom: number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function mountRegionLabels(
  layer: HTMLElement,
  /** Each thread's centre, over all its nodes (map.json's, whether or not they are loaded yet). */
  centres: WholeGraph["centres"],
  subcentres: WholeGraph["subcentres"],
  threads: readonly Thread[],
  renderer: Sigma,
  store: Store,
): void {
  const largest = Math.max(1, ...threads.map((t) => t.paperCount));
  const labels: RegionLabel[] = [...threads]
    .sort((a, b) => b.paperCount - a.paperCount || a.id - b.id)
    .filter((t) => t.paperCount >= 3 && centres[t.id] !== undefined)
    .slice(0, MAX_LABELS)
    .map((t) => {
      const [x, y] = centres[t.id] as [number, number];
      const size = 12 + 10 * Math.sqrt(t.paperCount / largest);
      const element = h(
        "div",
        { class: "region-label", style: `color:${t.color}` },
        shortLabel(t.label),
      );
      layer.append(element);
      return {
        thread: t.id,
        x,
        y,
        element,
        size,
        width: 0,
        height: 0,
      };
    });
  const named = new Set(labels.map((label) => label.thread));
  const parts = threads
    .filter((t) => named.has(t.id))
    .flatMap((t) => (t.subthreads ?? []).map((part) => ({ part, thread: t })))
    .filter(({ part }) => part.path !== undefined && subcentres[part.path] !== undefined)
    .sort((a, b) => b.part.paperCount - a.part.paperCount)
    .slice(0, MAX_SUBTHREAD_LABELS);
  for (const { part, thread } of parts) {
    const [x, y] = subcentres[part.path as string] as [number, number];
    const element = h(
      "div",
      // Dark, not the thread's colour: it sits on the thread's own nodes.
      { class: "region-label subthread", "data-path": part.path as string },
      shortLabel(part.label),
    );
    layer.append(element);
    const size = 12 + 6 * Math.sqrt(part.paperCount / largest);
    labels.push({ thread: thread.id, path: part.path, x, y, element, size, width: 0, height: 0 });
  }
  /** Threads whose sub-threads speak for them on zoom. */
  const split = new Set(labels.filter((label) => label.path).map((label) => label.thread));
  let scale = 0;
  const place = () => {
    const { thread: focused, selected } = store.state;
    const ratio = renderer.getCamera().getState().ratio;
    const zoomedIn = ratio < ZOOMED_IN;
    const inParts = ratio < SUBTHREADS_AT;
    const [width, height] = [layer.clientWidth, layer.clientHeight];
    const fit = Math.min(1, Math.max(0.6, width / FULL_WIDTH));
    if (fit !== scale) {
      scale = fit;
      for (const label of labels) {
        label.element.hidden = false;
        label.element.style.fontSize = `${Math.round(label.size * fit)}px`;
      }
      // Measured all at once, after every write: one layout, not one per label and frame.
      for (const label of labels)
        [label.width, label.height] = [label.element.offsetWidth, label.element.offsetHeight];
    }
    const placed: Box[] = [];
    for (const label of labels) {
      // A split thread is named by its parts once zoomed in, and so is a focused one.
      const byParts = inParts && split.has(label.thread);
      const speaks = label.path ? byParts : !byParts;
      const shown =
        focused === null ? !zoomedIn && !selected && speaks : label.thread === focused && speaks;
      if (!shown) {
        label.element.hidden = true;
        continue;
      }
      const at = renderer.graphToViewport({ x: label.x, y: label.y });
      // A region near the map's edge keeps its label: the label slides inside, still over it.
      const inView = at.x >= 0 && at.x <= width && at.y >= 0 && at.y <= height;
      const left = Math.max(0, Math.min(at.x - label.width / 2, width - label.width));
      const top = Math.max(0, Math.min(at.y - label.height / 2, height - label.height));
      const box: Box = [left, top, left + label.width, top + label.height];
      const fits = inView && label.width <= width && !placed.some((other) => overlaps(box, other));
      label.element.hidden = !fits;
      if (!fits) continue;
      placed.push(box);
      label.element.style.transform = `translate(${Math.round(box[0])}px, ${Math.round(box[1])}px)`;
    }
  };
  renderer.on("afterRender", place);
  place();
}
