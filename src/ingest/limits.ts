import type { RawEntry } from "./entry.js";

/** What one input may hold before papergraph refuses it; each is configurable from the CLI. */
export interface IngestLimits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Longest abstract, in characters: real ones are a few thousand. */
  maxAbstractLength: number;
  /** Longest title, in characters. */
  maxTitleLength: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  maxAbstractLength: 100_000,
  maxTitleLength: 2_000,
};

/**
 * Files of the formats read whole (captures, JSON, BibTeX, XML) are held in memory as one string,
 * which V8 caps near 512 MiB; JSON Lines, CSV and TSV are streamed and have no such cap.
 */
export const WHOLE_FILE_MAX_BYTES = 512 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why a file of this size is refused, if it is. */
export function fileTooLarge(
  size: number,
  limits: IngestLimits,
  readWhole: boolean,
): string | undefined {
  if (size > limits.maxFileBytes)
    return `file is ${megabytes(size)}, over the limit of ${megabytes(limits.maxFileBytes)} (--max-file-size)`;
  if (readWhole && size > WHOLE_FILE_MAX_BYTES) {
    return `file is ${megabytes(size)}, too large to read whole; give it as JSON Lines or CSV, which are streamed`;
  }
  return undefined;
}

/** The limits in force: the defaults, overridden by every value given (undefined ones ignored). */
export function resolveLimits(given: Partial<IngestLimits> = {}): IngestLimits {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(set) };
}

/** Why an entry breaks a limit ("abstract is 1200000 characters, over the limit of 100000"), if it does. */
export function overLimit(entry: RawEntry, limits: IngestLimits): string | undefined {
  if (entry.title.length > limits.maxTitleLength) {
    return `title is ${entry.title.length} characters, over the limit of ${limits.maxTitleLength}`;
  }
  if (entry.abstract.length > limits.maxAbstractLength) {
    return `abstract is ${entry.abstract.length} characters, over the limit of ${limits.maxAbstractLength} (--max-abstract-length)`;
  }
  return undefined;
}
