/**
 * Moving about the map without a mouse, and through one's own steps: arrows pan and + / − zoom
 * the focused map, Escape closes the panel, and each selection is a history entry that Back and
 * Forward step through.
 */
import type Sigma from "sigma";
import type { Store, ViewState } from "./store.js";
import { stateFromUrl, writeUrl } from "./url.js";

/** Share of the view an arrow key moves the map by. */
const PAN_STEP = 0.12;
/** Factor a + or − key zooms the map by. */
const ZOOM_STEP = 1.4;

export function mountKeyboard(map: HTMLElement, renderer: Sigma, store: Store): void {
  map.tabIndex = 0;
  const camera = renderer.getCamera();
  map.addEventListener("keydown", (event) => {
    const { x, y, ratio } = camera.getState();
    const step = PAN_STEP * ratio;
    // Moved at once, not animated: keys pressed in a row add up instead of cutting each other off.
    const moves: Record<string, () => void> = {
      ArrowLeft: () => camera.setState({ x: x - step }),
      ArrowRight: () => camera.setState({ x: x + step }),
      ArrowUp: () => camera.setState({ y: y + step }),
      ArrowDown: () => camera.setState({ y: y - step }),
      "+": () => camera.setState({ ratio: ratio / ZOOM_STEP }),
      "=": () => camera.setState({ ratio: ratio / ZOOM_STEP }),
      "-": () => camera.setState({ ratio: ratio * ZOOM_STEP }),
      "0": () => camera.setState({ x: 0.5, y: 0.5, ratio: 1 }),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || document.querySelector("dialog[open]")) return;
    if (document.activeElement?.getAttribute("role") === "combobox") return;
    if (store.state.selected) store.set({ selected: null });
    else if (store.state.thread !== null) store.set({ thread: null });
  });
}

/**
 * The address follows the view: a new selection is a new history entry, other changes replace the
 * current one; Back and Forward bring their view back.
 */
export function mountHistory(store: Store, hasNode: (id: string) => boolean): void {
  let restoring = false;
  store.subscribe((state: ViewState, previous: ViewState) => {
    if (restoring) return;
    writeUrl(state, state.selected !== previous.selected && state.selected !== null);
  });
  window.addEventListener("popstate", () => {
    restoring = true;
    const { selected = null, thread = null } = stateFromUrl(location.search, hasNode);
    store.set({ selected, thread });
    restoring = false;
  });
}
