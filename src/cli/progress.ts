import type { CliIO } from "./io.js";

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

/** "[########------------]" for a share done between 0 and 1. */
export function bar(share: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

/**
 * A one-line progress report on stderr ("extract [#####---------------] 120/490  61/s  eta 6s"), redrawn at most ten
 * times a second, only on a terminal and never with --quiet, so logs and pipes stay clean.
 */
export function progress(io: CliIO, label: string, quiet = false): Progress {
  if (!io.isTTY || quiet) return SILENT;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      io.stderr(
        `\r${label} ${bar(done / Math.max(total, 1))} ${done}/${total}  ${rate.toFixed(0)}/s  eta ${eta}s\x1b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}
