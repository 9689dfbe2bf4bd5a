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

/** A failure the user caused (bad input, bad arguments): printed as one line, no stack trace. */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
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
      throw new UserError(`${option} must be a positive number, got "${value}"`, 2);
    return n;
  };
  const megabytes = number(options.maxFileSize, "--max-file-size");
  return {
    maxFileBytes: megabytes === undefined ? undefined : Math.round(megabytes * 1024 * 1024),
    maxAbstractLength: number(options.maxAbstractLength, "--max-abstract-length"),
  };
}

/** The number of extraction threads a user asked for with --workers, if any. */
export function workersFrom(options: { workers?: string }): number | undefined {
  if (options.workers === undefined) return undefined;
  const n = Number(options.workers);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(
      `--workers must be a whole number of at least 1, got "${options.workers}"`,
      2,
    );
  return n;
}
