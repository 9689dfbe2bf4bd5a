import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PapergraphError } from "../errors.js";
import type { ViewerBundle } from "../export/index.js";

/**
 * viewer/dist of this installation, whether papergraph runs from src/ (tsx) or from its bundles in
 * dist/: all lie one folder below the root of their tree.
 */
export const VIEWER_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "viewer",
  "dist",
);

export async function readViewerBundle(): Promise<ViewerBundle> {
  try {
    const [indexHtml, js, css] = await Promise.all(
      ["index.html", "assets/viewer.js", "assets/viewer.css"].map((file) =>
        readFile(join(VIEWER_DIR, file), "utf8"),
      ),
    );
    return { indexHtml: indexHtml as string, js: js as string, css: css as string };
  } catch {
    throw new PapergraphError(`the viewer is not built (${VIEWER_DIR}); run "npm run build"`);
  }
}
