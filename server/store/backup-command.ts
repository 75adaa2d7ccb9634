// `tenfold backup FILE` and `tenfold restore FILE [--force]`: the store named by TENFOLD_DB (as
// `tenfold serve` would open it), copied out while it serves, or replaced while it is stopped.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { configFromEnv } from "../config.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";

export async function backupCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const file = args[0];
  if (!file) {
    process.stderr.write("tenfold backup: name the file to write, e.g. tenfold backup backups/today.db\n");
    return 2;
  }
  const { db: store } = configFromEnv(env);
  if (store === ":memory:" || !existsSync(store)) {
    process.stderr.write(`tenfold backup: no store at ${store} (set TENFOLD_DB to the server's file)\n`);
    return 2;
  }
  if (resolve(file) === resolve(store)) {
    process.stderr.write("tenfold backup: the backup cannot be the store itself\n");
    return 2;
  }
  // Its own connection, no migrations: a running server owns the schema. One step, one read
  // transaction: the copy is the store at one moment, whatever the server writes meanwhile.
  const db = new Database(store, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const r = await backupDatabase(db, file, { pagesPerStep: Infinity });
    process.stdout.write(`${store} → ${r.file} (${r.bytes} bytes)\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`tenfold backup: ${(err as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}

export function restoreCommand(args: string[], env: NodeJS.ProcessEnv = process.env, now = Date.now()): number {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write("tenfold restore: name the backup to restore, e.g. tenfold restore backups/today.db\n");
    return 2;
  }
  const { db: store } = configFromEnv(env);
  if (store === ":memory:") {
    process.stderr.write("tenfold restore: TENFOLD_DB is :memory:, there is no file to restore into\n");
    return 2;
  }
  try {
    const { previous } = restoreDatabase(file, store, { now, force: args.includes("--force") });
    process.stdout.write(`${file} → ${store}${previous ? ` (the store it replaced is kept as ${previous})` : ""}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`tenfold restore: ${(err as Error).message}\n`);
    return 2;
  }
}
