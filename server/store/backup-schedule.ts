// Scheduled backups (TENFOLD_BACKUP_DIR, TENFOLD_BACKUP_EVERY): the serving process copies its own
// store every so often, in small steps so desks are not kept waiting, and keeps the newest few.
import type { Logger } from "pino";
import { join } from "node:path";
import type { Db } from "./db.ts";
import { backupDatabase, backupFileName, pruneBackups } from "./backup.ts";

export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: number;
}

/**
 * "90s", "15m", "6h" or a bare number of minutes, as milliseconds; undefined when it is none of them.
 * @example backupInterval("15m") // 900000
 * @example backupInterval("2") // 120000
 */
export function backupInterval(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/.exec(text);
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "m") as "s" | "m" | "h"];
  const ms = Math.round(Number(m[1]) * unit);
  return ms > 0 ? ms : undefined;
}

/** Starts the schedule; the returned function stops it and waits for a backup in progress. */
export function scheduleBackups(db: Db, schedule: BackupSchedule, logger: Logger, now: () => number = Date.now): () => Promise<void> {
  let running: Promise<void> | undefined;
  const take = () => {
    if (running) return; // the previous one is still copying: skip this turn rather than pile up
    const file = join(schedule.dir, backupFileName(now()));
    running = backupDatabase(db, file)
      .then((r) => {
        const removed = pruneBackups(schedule.dir, schedule.keep);
        logger.info({ file: r.file, bytes: r.bytes, removed: removed.length }, "backup written");
      })
      .catch((err: unknown) => logger.error({ err, file }, "backup failed"))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(take, schedule.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
