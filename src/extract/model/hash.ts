import { createHash } from "node:crypto";

/** A short hash of a model's content, by which the extractor's fingerprint names it. */
export function modelHash(model: unknown): string {
  return createHash("sha1").update(JSON.stringify(model)).digest("hex").slice(0, 12);
}
