import { Worker } from "node:worker_threads";

/**
 * The worker module `name` beside `near` (a module's import.meta.url): name.js once built, or
 * name.ts from source (tests, `npm run dev`), where the worker first registers tsx's loader for
 * itself, since loader flags do not reach worker threads.
 */
export function startWorker(near: string, name: string): Worker {
  if (!near.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, near));
  const source = JSON.stringify(new URL(`./${name}.ts`, near).href);
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(code, { eval: true });
}
