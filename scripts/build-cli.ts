/**
 * Builds the CLI and the library (npm run build, and npm ci through "prepare"): src/ bundled by
 * esbuild into dist/cli/main.js (the command), dist/lib/index.js (`import ... from "papergraph"`)
 * and the worker threads' entry points (dist/extract/worker.js, dist/export/worker.js, dist/graph/layout-worker.js), what they
 * share split into dist/chunks/. A few files per entry point load in half the time of the seventy
 * modules tsc would emit (`papergraph --version` 0.30 → 0.16 s), in the CLI and in each worker
 * thread alike. Every entry and chunk lies one folder below dist/, as every module lies one below
 * src/: paths relative to a module (the workers, the viewer) are the same in both trees. The
 * library's type declarations are emitted by tsc into dist/types/ (tsconfig.build.json); types are
 * checked by `npm run typecheck`. The trained models are not bundled but copied into dist/models/,
 * read when first needed (src/extract/model/files.ts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { MODEL_FILES } from "../src/extract/model/files.js";

const ROOT = join(import.meta.dirname, "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/**
 * JSON modules (the vocabularies, the word clusters) bundled as JSON.parse of one string, not as
 * object literals: V8 parses a string and JSON far faster and in far less memory than JavaScript
 * literal, and the command and every worker thread load them.
 */
const jsonAsParse: Plugin = {
  name: "json-as-parse",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.json$/ }, ({ path }) => ({
      contents: `export default JSON.parse(${JSON.stringify(readFileSync(path, "utf8"))});`,
      loader: "js",
    }));
  },
};

rmSync(join(ROOT, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: [
    "src/cli/main.ts",
    "src/extract/worker.ts",
    "src/export/worker.ts",
    "src/graph/layout-worker.ts",
    { in: "src/index.ts", out: "lib/index" },
  ],
  outdir: "dist",
  outbase: "src",
  bundle: true,
  // What the entry points share (the vocabularies, the extractor) is loaded once, in chunks.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  sourcesContent: false,
  // better-sqlite3 is a native addon; compromise is required on first use only (src/extract/nlp.ts).
  external: ["better-sqlite3", "compromise"],
  // Dependencies written as CommonJS call require(), which an ES module has not.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  plugins: [jsonAsParse],
  logLevel: "warning",
});
mkdirSync(join(ROOT, "dist", "models"));
for (const name of MODEL_FILES)
  copyFileSync(join(ROOT, "src", "extract", "model", name), join(ROOT, "dist", "models", name));
const tsc = spawnSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], {
  cwd: ROOT,
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
