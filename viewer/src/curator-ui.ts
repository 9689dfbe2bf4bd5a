import {
  canMerge,
  curateSection,
  describeFix,
  type Fix,
  type FixChannel,
  saveView,
} from "./curate.js";
import type { ViewerGraph } from "./data.js";
import { byId } from "./dom.js";
import type { Store } from "./store.js";

export interface Curator {
  /** The panel section of fixes for an entity, in curator mode. */
  fixes: (node: string) => HTMLElement | null;
  /** Takes a node chosen while a merge waits for its target; true when it did. */
  pick: (node: string) => boolean;
}

/** What is selected once a fix is applied: the merged-into node, the same one, or nothing. */
function selectedAfter(fix: Fix): string | null {
  if (fix.action === "merge") return fix.into;
  if (fix.action === "drop") return null;
  if (fix.action === "retype") return `${fix.to}:${fix.entity.slice(fix.entity.indexOf(":") + 1)}`;
  return fix.entity;
}

/**
 * Curator mode's controls: the Curate toggle and Undo in the top bar, the dialog that shows what a
 * fix changes before it is applied, and the merge target chosen by click or search.
 */
export function mountCurator(
  graph: ViewerGraph,
  store: Store,
  channel: FixChannel,
  camera: () => object,
): Curator {
  const toggle = byId<HTMLButtonElement>("curate");
  const undo = byId<HTMLButtonElement>("undo-fix");
  const dialog = byId<HTMLDialogElement>("fix-dialog");
  const status = byId("status");
  /** The status line as it was before the curator spoke, given back when it is done. */
  let resting: string | null = null;
  let pending: Fix | undefined;

  const report = (text: string | null) => {
    if (text === null) {
      if (resting !== null) status.textContent = resting;
      resting = null;
      return;
    }
    resting ??= status.textContent;
    status.textContent = text;
  };
  const propose = (fix: Fix) => {
    pending = fix;
    byId("fix-text").textContent = describeFix(graph, fix);
    dialog.showModal();
  };
  byId("fix-cancel").addEventListener("click", () => {
    pending = undefined;
    dialog.close();
  });
  byId("fix-apply").addEventListener("click", async () => {
    const fix = pending;
    dialog.close();
    if (!fix) return;
    pending = undefined;
    store.set({ mergeFrom: null });
    saveView(camera(), selectedAfter(fix));
    report(channel.kind === "server" ? "Applying the fix and rebuilding…" : null);
    await channel.apply(fix).catch((error: Error) => report(`The fix failed: ${error.message}`));
  });

  toggle.hidden = false;
  toggle.addEventListener("click", () =>
    store.set({ curating: !store.state.curating, mergeFrom: null }),
  );
  undo.addEventListener("click", async () => {
    saveView(camera(), store.state.selected);
    await channel.undo().catch((error: Error) => report(`Undo failed: ${error.message}`));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && store.state.mergeFrom) store.set({ mergeFrom: null });
  });
  const showMode = (curating: boolean) => {
    toggle.setAttribute("aria-pressed", String(curating));
    undo.hidden = !curating;
  };
  showMode(store.state.curating);
  store.subscribe((state, previous) => {
    showMode(state.curating);
    if (state.mergeFrom !== previous.mergeFrom) {
      const label = state.mergeFrom && graph.getNodeAttribute(state.mergeFrom, "label");
      report(
        label
          ? `Merge "${label}" into…: click or search a ${graph.getNodeAttribute(state.mergeFrom as string, "type")} (Esc cancels)`
          : null,
      );
    }
  });

  return {
    fixes: (node) =>
      store.state.curating
        ? curateSection(graph, node, {
            propose,
            startMerge: (from) => store.set({ mergeFrom: from }),
          })
        : null,
    pick: (node) => {
      const from = store.state.mergeFrom;
      if (!from) return false;
      if (canMerge(graph, from, node)) propose({ action: "merge", entity: from, into: node });
      return true;
    },
  };
}
