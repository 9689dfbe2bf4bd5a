/**
 * The errors papergraph throws on purpose. Each message is the one a user should read (file, line
 * or option, and what is wrong); `exitCode` is what the command line exits with. Anything else
 * thrown is a bug.
 */
export class PapergraphError extends Error {
  /** 1: bad input or failed work; 2: bad usage (an option or argument). */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** An option or argument out of range: a caller's mistake, not the data's. */
export class UsageError extends PapergraphError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A folder that holds no build where one was expected: `what` says what is missing. */
export class NoBuildError extends PapergraphError {
  readonly dir: string;

  constructor(dir: string, what = "graph.json: no built graph here") {
    super(`${dir}/${what}; run "papergraph build --out ${dir}" first`);
    this.dir = dir;
  }
}

/**
 * A build that failed part-way; the previous outputs in its folder are left as they were, and a
 * folder the build made is removed.
 */
export class BuildError extends PapergraphError {
  readonly stage: string;

  /**
   * `store`: where a first build that failed keeps the analyses it made, and of how many papers,
   * for the next build to reuse.
   */
  constructor(
    stage: string,
    dir: string,
    cause: unknown,
    hadOutputs: boolean,
    store?: { path: string; analyses: number },
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const kept = hadOutputs
      ? `previous outputs in ${dir}/ kept`
      : store
        ? `nothing written but the analyses of ${store.analyses} paper${store.analyses === 1 ? "" : "s"}, kept in ${store.path} for the next build`
        : "nothing written";
    super(`build failed in stage "${stage}", ${kept}: ${message}`);
    this.stage = stage;
    this.cause = cause;
  }
}
