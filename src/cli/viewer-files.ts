import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ViewerBundle } from "../export/index.js";
import { UserError } from "./io.js";

/** viewer/dist of this installation, whether the CLI runs from src/ (tsx) or dist/ (built). */
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
    throw new UserError(`the viewer is not built (${VIEWER_DIR}); run "npm run build"`);
  }
}
