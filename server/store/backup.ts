// Backups of the store (docs/scaling.md "Backups"): SQLite's online backup, safe while the server
// writes, and a restore that checks the copy before it replaces anything.
//
// What a backup holds: every write committed before it finished. SQLite's backup copies pages; a
// write by the same connection during the copy is carried into the copy as well, and a write by
// another process makes the copy start again, so the result is always one consistent moment.
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { LATEST_VERSION } from "./migrations.ts";
import type { Db } from "./db.ts";

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the open database to `file` with SQLite's online backup. `pagesPerStep` bounds how long
 * one step holds the event loop (the server's own scheduled backups); Infinity copies in one step,
 * one read transaction, for a separate process that nothing else waits on.
 */
export async function backupDatabase(db: Db, file: string, { pagesPerStep = 256 }: { pagesPerStep?: number } = {}): Promise<BackupResult> {
  mkdirSync(dirname(file), { recursive: true });
  // Written beside the target and renamed at the end: a half-written backup never carries the name.
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const rate = Number.isFinite(pagesPerStep) ? Math.max(1, Math.floor(pagesPerStep)) : 0x7fffffff;
  const done = await db.backup(partial, { progress: () => rate });
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, pages: done.totalPages };
}

/** Why a file cannot be restored, or undefined when it is a whole tenfold store. */
export function backupProblem(file: string): string | undefined {
  if (!existsSync(file)) return `${file} does not exist`;
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") return `${file} is damaged (SQLite integrity check: ${String(check)})`;
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version < 1) return `${file} is not a tenfold store (no schema version)`;
    if (version > LATEST_VERSION) return `${file} was written by a newer tenfold (schema ${version}; this one knows up to ${LATEST_VERSION})`;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const t of ["sites", "access_codes", "desk_events", "swabs"]) if (!tables.includes(t)) return `${file} is not a tenfold store (no ${t} table)`;
    return undefined;
  } catch (err) {
    return `${file} cannot be read as a SQLite database: ${(err as Error).message}`;
  } finally {
    db?.close();
  }
}

export interface RestoreResult {
  /** Where the store that was replaced now is, if there was one. */
  previous?: string;
}

/**
 * Puts a checked backup in place of the store at `target`. The server must be stopped: a running
 * one keeps its `-shm` file, and restoring under it is refused unless `force` (after a crash, when
 * the file is not in use). The replaced store is kept beside it, named by the time of the restore.
 */
export function restoreDatabase(backup: string, target: string, { now, force = false }: { now: number; force?: boolean }): RestoreResult {
  const problem = backupProblem(backup);
  if (problem) throw new Error(problem);
  if (!force && existsSync(`${target}-shm`))
    throw new Error(`${target} looks in use (${basename(target)}-shm exists): stop the server first, or pass --force if it crashed`);
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, previous);
    // The old file's write-ahead log belongs to it, not to the restored copy.
    for (const side of ["-wal", "-shm"]) if (existsSync(target + side)) renameSync(target + side, previous + side);
  }
  renameSync(incoming, target);
  return { previous };
}

/** The file name of a scheduled backup taken at `now`: sortable, in UTC. */
export function backupFileName(now: number): string {
  return `tenfold-${new Date(now).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.db`;
}

/** Removes all but the newest `keep` scheduled backups in `dir`; returns what it removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir).filter((f) => /^tenfold-\d{8}T\d{6}Z\.db$/.test(f)).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) rmSync(join(dir, f), { force: true });
  return old;
}
