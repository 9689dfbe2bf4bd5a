/**
 * The trained models' weights (tagger.json, pos.json, invariance.json) are read from disk when a
 * thread first needs them, not bundled into the code: a bundled JSON string stays in a thread's
 * heap twice over, as the script's source and as the literal, about 57 MB for the two larger
 * models in the command and in every extraction worker alike. The files lie beside this module
 * in src/, and in dist/models/ beside the bundle's folders (scripts/build-cli.ts copies them).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const MODEL_FILES = ["tagger.json", "pos.json", "invariance.json"] as const;

export type ModelFile = (typeof MODEL_FILES)[number];

/** Where a model file lies: beside this module in src/, or in the bundle's dist/models/. */
export function modelFilePath(name: ModelFile): string {
  const places = [`./${name}`, `../models/${name}`].map((place) =>
    fileURLToPath(new URL(place, import.meta.url)),
  );
  const found = places.find((place) => existsSync(place));
  if (found === undefined)
    throw new Error(`model file ${name} not found at ${places.join(" or ")}`);
  return found;
}

function modelText(name: ModelFile): string {
  return readFileSync(modelFilePath(name), "utf8");
}

/** A model file's content, parsed. */
export function readModelFile(name: ModelFile): unknown {
  return JSON.parse(modelText(name));
}

/** A short hash of a model file's content, by which the extractor's fingerprint names it. */
export function modelFileHash(name: ModelFile): string {
  return createHash("sha1").update(modelText(name)).digest("hex").slice(0, 12);
}
