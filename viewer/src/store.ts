import type { NodeType } from "../../src/types.js";

/** Everything the map's look depends on besides the graph itself. Reducers draw from it. */
export interface ViewState {
  hovered: string | null;
  selected: string | null;
  hiddenTypes: ReadonlySet<NodeType>;
  /** A focused thread fades every other one. */
  thread: number | null;
  /** A range of months ("2025-03"): papers outside it, and entities with none inside, leave the map. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Level of detail: entities named by fewer papers are left out of the map until opened. */
  minPapers: number;
  /** Curator mode: the panel offers fixes. */
  curating: boolean;
  /** The entity being merged, while the user chooses what to merge it into. */
  mergeFrom: string | null;
  /** Nodes coloured by their thread, or by when they first appeared (overlay.ts). */
  colorBy: "thread" | "first";
}

type Listener = (state: ViewState, previous: ViewState) => void;

/** A minimal typed store: one state object, replaced on each change, listeners told after. */
export class Store {
  #state: ViewState;
  readonly #listeners = new Set<Listener>();

  constructor(initial: ViewState) {
    this.#state = initial;
  }

  get state(): ViewState {
    return this.#state;
  }

  set(change: Partial<ViewState>): void {
    const previous = this.#state;
    this.#state = { ...previous, ...change };
    for (const listener of this.#listeners) listener(this.#state, previous);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const INITIAL_STATE: ViewState = {
  hovered: null,
  selected: null,
  hiddenTypes: new Set(),
  thread: null,
  dateFrom: null,
  dateTo: null,
  minPapers: 1,
  curating: false,
  mergeFrom: null,
  colorBy: "thread",
};
