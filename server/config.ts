// Server settings from the environment docs/api.md, merged over defaults.
import { join } from "node:path";
import { backupInterval } from "./store/backup-schedule.ts";
import { DEFAULT_DESK_TIME_WINDOW, type DeskTimeWindow } from "../shared/tubes/desk-time.ts";

export interface Config {
  port: number;
  /** SQLite file path, or ":memory:". */
  db: string;
  /** The lead's access code; generated and printed at first start when unset. */
  leadCode?: string;
  /** Load the example site into an empty store. */
  seed: boolean;
  redisUrl?: string;
  /** Largest JSON body accepted. */
  bodyLimit: string;
  /** How long a sign-in lasts, in seconds. */
  tokenTtlSeconds: number;
  logLevel: string;
  /** The address residents reach the server at, for the QR codes on posters (default: the request's host). */
  publicUrl?: string;
  /** Scheduled backups of the store: where, how often, how many kept (unset: none). */
  backup?: { dir: string; everyMs: number; keep: number };
  /** How far a desk event's `at` may be behind or ahead of the server's clock. */
  deskTimeWindow: DeskTimeWindow;
}

export const DEFAULT_CONFIG: Config = {
  port: 3000,
  db: join(process.cwd(), "data", "tenfold.db"),
  seed: true,
  bodyLimit: "4mb",
  tokenTtlSeconds: 16 * 3600,
  logLevel: "info",
  deskTimeWindow: DEFAULT_DESK_TIME_WINDOW,
};

/** The configuration an environment describes. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = env.PORT === undefined || env.PORT === "" ? DEFAULT_CONFIG.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    ...DEFAULT_CONFIG,
    backup: backupFromEnv(env),
    publicUrl: publicUrlFromEnv(env.TENFOLD_PUBLIC_URL),
    port,
    db: env.TENFOLD_DB || DEFAULT_CONFIG.db,
    leadCode: env.TENFOLD_LEAD_CODE || undefined,
    seed: env.TENFOLD_SEED !== "0",
    redisUrl: env.TENFOLD_REDIS_URL || undefined,
    deskTimeWindow: {
      behindMinutes: minutesFromEnv(env, "TENFOLD_DESK_MAX_BEHIND_MINUTES", DEFAULT_DESK_TIME_WINDOW.behindMinutes),
      aheadMinutes: minutesFromEnv(env, "TENFOLD_DESK_MAX_AHEAD_MINUTES", DEFAULT_DESK_TIME_WINDOW.aheadMinutes),
    },
    logLevel: env.TENFOLD_LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : DEFAULT_CONFIG.logLevel),
  };
}

/** TENFOLD_BACKUP_DIR with TENFOLD_BACKUP_EVERY (default 1 h) and TENFOLD_BACKUP_KEEP (default 48). */
function backupFromEnv(env: NodeJS.ProcessEnv): Config["backup"] {
  if (!env.TENFOLD_BACKUP_DIR) {
    if (env.TENFOLD_BACKUP_EVERY) throw new Error("TENFOLD_BACKUP_EVERY needs TENFOLD_BACKUP_DIR: where should the backups go?");
    return undefined;
  }
  const everyMs = backupInterval(env.TENFOLD_BACKUP_EVERY || "1h");
  if (everyMs === undefined) throw new Error(`TENFOLD_BACKUP_EVERY must be like 90s, 15m or 6h, not "${env.TENFOLD_BACKUP_EVERY}"`);
  const keep = env.TENFOLD_BACKUP_KEEP ? Number(env.TENFOLD_BACKUP_KEEP) : 48;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`TENFOLD_BACKUP_KEEP must be a whole number of at least 1, not "${env.TENFOLD_BACKUP_KEEP}"`);
  return { dir: env.TENFOLD_BACKUP_DIR, everyMs, keep };
}

/** TENFOLD_PUBLIC_URL: an http(s) address with no query, e.g. https://hesuan.example.cn */
function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`TENFOLD_PUBLIC_URL must be an address such as https://hesuan.example.cn, not "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new Error(`TENFOLD_PUBLIC_URL must be an http or https address with no query, not "${value}"`);
  return url.toString();
}

/** A whole number of minutes from the environment, or the default when unset. */
function minutesFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of minutes, not "${text}"`);
  return n;
}
