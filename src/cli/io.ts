import { UsageError } from "../errors.js";

/** "1 paper", "2 papers": a count with its noun in the number it takes. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Prints a note on stderr: what the user should know of their input, though it is no error. */
export function noteTo(io: CliIO): (note: string) => void {
  return (note) => io.stderr(`note: ${note}\n`);
}

/** Where a command writes: injected so tests can run the CLI in-process and read what it printed. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** True when stderr is a terminal: only then is progress drawn. */
  isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** The input limits a user set with --max-file-size (MB) and --max-abstract-length (characters). */
export function limitsFrom(options: { maxFileSize?: string; maxAbstractLength?: string }): {
  maxFileBytes?: number;
  maxAbstractLength?: number;
} {
  const number = (value: string | undefined, option: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new UsageError(`${option} must be a positive number, got "${value}"`);
    return n;
  };
  const megabytes = number(options.maxFileSize, "--max-file-size");
  return {
    maxFileBytes: megabytes === undefined ? undefined : Math.round(megabytes * 1024 * 1024),
    maxAbstractLength: number(options.maxAbstractLength, "--max-abstract-length"),
  };
}

/** The number of extraction and layout threads a user asked for with --workers, if any. */
export function workersFrom(options: { workers?: string }): number | undefined {
  if (options.workers === undefined) return undefined;
  const n = Number(options.workers);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      `--workers must be a whole number of at least 1, got "${options.workers}"`,
    );
  return n;
}

/** A --resolution, a positive number. */
export function resolutionFrom(value: string): number {
  const resolution = Number(value);
  if (!Number.isFinite(resolution) || resolution <= 0)
    throw new UsageError(`--resolution must be a positive number, got "${value}"`);
  return resolution;
}
