import { type ResourceLimits, Worker } from "node:worker_threads";

/**
 * The worker module at `path` (without extension) relative to `near`, a module's import.meta.url:
 * path.js once built, or path.ts from source (tests, `npm run dev`), where the worker first
 * registers tsx's loader for itself, since loader flags do not reach worker threads.
 */
export function startWorker(near: string, path: string, resourceLimits?: ResourceLimits): Worker {
  if (!near.endsWith(".ts")) return new Worker(new URL(`${path}.js`, near), { resourceLimits });
  const source = JSON.stringify(new URL(`${path}.ts`, near).href);
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(code, { eval: true, resourceLimits });
}
