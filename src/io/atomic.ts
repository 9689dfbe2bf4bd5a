import { randomBytes } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * A file's content: whole, as chunks for outputs too large for one string (a 100k-paper graph), or
 * a writer that writes the file at the path it is given, in the background (another thread).
 */
export type FileData = string | Uint8Array | Iterable<string> | FileWriter;
export type FileWriter = (path: string) => Promise<void>;

const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

function temporaryFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Writes chunks as they come, each with one synchronous write: a promise per chunk cost a quarter
 * of writing a 10,000-paper graph, and a command writing its outputs has nothing to do meanwhile.
 */
export function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes files so that readers see each one old or new, never half-written: every file goes to a
 * temporary beside its target first, and only once all are written are they renamed into place.
 * A process killed before the renames leaves the previous files untouched.
 */
export async function writeFilesAtomic(
  files: readonly (readonly [path: string, data: FileData])[],
  /** Other work for this thread once its files are written, while background writers finish. */
  meanwhile?: () => void,
): Promise<void> {
  const staged = files.map(([path, data]) => ({ path, data, temporary: temporaryFor(path) }));
  // Background writers' failures are caught as they happen and thrown once this thread is done.
  const background: Promise<{ error: unknown } | undefined>[] = [];
  try {
    for (const { path } of staged) await mkdir(dirname(path), { recursive: true });
    // Writers in the background start first, so they run while this thread writes the rest.
    for (const { data, temporary } of staged) {
      if (typeof data === "function")
        background.push(
          data(temporary).then(
            () => undefined,
            (error: unknown) => ({ error }),
          ),
        );
    }
    for (const { data, temporary } of staged) {
      if (typeof data === "string" || data instanceof Uint8Array) await writeFile(temporary, data);
      else if (typeof data !== "function") writeChunks(temporary, data);
    }
    meanwhile?.();
    for (const failed of await Promise.all(background)) if (failed) throw failed.error;
    for (const { temporary, path } of staged) await rename(temporary, path);
  } catch (error) {
    // Background writers are let finish before their temporaries are removed.
    await Promise.all(background);
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
}

export function writeFileAtomic(path: string, data: FileData): Promise<void> {
  return writeFilesAtomic([[path, data]]);
}

/** Removes the temporaries a killed run left in a directory ("…/.graph.json.3fa9c1d2e4b5.tmp"). */
export async function removeStaleTemporaries(directory: string): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => TEMPORARY.test(n)).map((n) => rm(join(directory, n), { force: true })),
  );
}
