// Server settings from the environment docs/api.md, merged over defaults.
import { join } from "node:path";
import { backupInterval } from "./store/backup-schedule.ts";
import { DEFAULT_DESK_TIME_WINDOW, type DeskTimeWindow } from "../shared/tubes/desk-time.ts";
import type { LoginLimits } from "./auth/login-limits.ts";

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
  /** Worker threads for the planner and .xlsx reading (TENFOLD_WORKERS). */
  workerThreads: number;
  /** Tasks that may wait for a worker; one more is a 503 with Retry-After (TENFOLD_WORKER_QUEUE). */
  workerQueue: number;
  /** Time limit of one planner run or workbook read, seconds (TENFOLD_PLAN_TIMEOUT). */
  workerTimeoutSeconds: number;
  /** Believe X-Forwarded-For from these proxies (TENFOLD_TRUST_PROXY; Express's "trust proxy"); off by default. */
  trustProxy: string | false;
  /** Sign-in limits per client address (auth/login-limits.ts DEFAULT_LOGIN_LIMITS); tests set smaller ones. */
  loginLimits?: Partial<LoginLimits>;
  /** GET /metrics without a token on this port at 127.0.0.1 (TENFOLD_METRICS_PORT); unset: only for the lead's token on the main port. */
  metricsPort?: number;
}

export const DEFAULT_CONFIG: Config = {
  port: 3000,
  db: join(process.cwd(), "data", "tenfold.db"),
  seed: true,
  bodyLimit: "4mb",
  tokenTtlSeconds: 16 * 3600,
  logLevel: "info",
  deskTimeWindow: DEFAULT_DESK_TIME_WINDOW,
  workerThreads: 1,
  workerQueue: 4,
  workerTimeoutSeconds: 60,
  trustProxy: false,
};

/** Bounds of a lead code (docs/api.md C10): short ones are guessable, longer ones cannot be typed into the login (64 characters). */
export const LEAD_CODE_MIN = 12;
export const LEAD_CODE_MAX = 64;

/** A setting that stops the server from starting: the message says which and why. */
export class ConfigError extends Error {}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

/** The lead code from the environment, refused when it is too short to resist guessing or too long to sign in with. */
export function checkLeadCode(code: string | undefined): string | undefined {
  if (code === undefined || code === "") return undefined;
  const length = code.trim().length;
  if (length < LEAD_CODE_MIN)
    throw new ConfigError(`TENFOLD_LEAD_CODE is ${length} characters; use ${LEAD_CODE_MIN} to ${LEAD_CODE_MAX} (a short code can be guessed), or unset it to have one made`);
  if (length > LEAD_CODE_MAX)
    throw new ConfigError(`TENFOLD_LEAD_CODE is ${length} characters; use ${LEAD_CODE_MIN} to ${LEAD_CODE_MAX} (the sign-in form takes at most ${LEAD_CODE_MAX})`);
  return code;
}

/** The configuration an environment describes. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = env.PORT === undefined || env.PORT === "" ? DEFAULT_CONFIG.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  return {
    ...DEFAULT_CONFIG,
    backup: backupFromEnv(env),
    publicUrl: publicUrlFromEnv(env.TENFOLD_PUBLIC_URL),
    port,
    db: env.TENFOLD_DB || DEFAULT_CONFIG.db,
    leadCode: checkLeadCode(env.TENFOLD_LEAD_CODE),
    seed: env.TENFOLD_SEED !== "0",
    redisUrl: env.TENFOLD_REDIS_URL || undefined,
    deskTimeWindow: {
      behindMinutes: minutesFromEnv(env, "TENFOLD_DESK_MAX_BEHIND_MINUTES", DEFAULT_DESK_TIME_WINDOW.behindMinutes),
      aheadMinutes: minutesFromEnv(env, "TENFOLD_DESK_MAX_AHEAD_MINUTES", DEFAULT_DESK_TIME_WINDOW.aheadMinutes),
    },
    logLevel: env.TENFOLD_LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : DEFAULT_CONFIG.logLevel),
    workerThreads: intSetting(env, "TENFOLD_WORKERS", DEFAULT_CONFIG.workerThreads, 1, 64),
    workerQueue: intSetting(env, "TENFOLD_WORKER_QUEUE", DEFAULT_CONFIG.workerQueue, 0, 1000),
    workerTimeoutSeconds: intSetting(env, "TENFOLD_PLAN_TIMEOUT", DEFAULT_CONFIG.workerTimeoutSeconds, 1, 3600),
    trustProxy: env.TENFOLD_TRUST_PROXY ? trustProxySetting(env.TENFOLD_TRUST_PROXY) : false,
    metricsPort: env.TENFOLD_METRICS_PORT ? intSetting(env, "TENFOLD_METRICS_PORT", 0, 1, 65535) : undefined,
  };
}

/** TENFOLD_BACKUP_DIR with TENFOLD_BACKUP_EVERY (default 1 h) and TENFOLD_BACKUP_KEEP (default 48). */
function backupFromEnv(env: NodeJS.ProcessEnv): Config["backup"] {
  if (!env.TENFOLD_BACKUP_DIR) {
    if (env.TENFOLD_BACKUP_EVERY) throw new ConfigError("TENFOLD_BACKUP_EVERY needs TENFOLD_BACKUP_DIR: where should the backups go?");
    return undefined;
  }
  const everyMs = backupInterval(env.TENFOLD_BACKUP_EVERY || "1h");
  if (everyMs === undefined) throw new ConfigError(`TENFOLD_BACKUP_EVERY must be like 90s, 15m or 6h, not "${env.TENFOLD_BACKUP_EVERY}"`);
  const keep = env.TENFOLD_BACKUP_KEEP ? Number(env.TENFOLD_BACKUP_KEEP) : 48;
  if (!Number.isInteger(keep) || keep < 1) throw new ConfigError(`TENFOLD_BACKUP_KEEP must be a whole number of at least 1, not "${env.TENFOLD_BACKUP_KEEP}"`);
  return { dir: env.TENFOLD_BACKUP_DIR, everyMs, keep };
}

/** TENFOLD_PUBLIC_URL: an http(s) address with no query, e.g. https://hesuan.example.cn */
function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`TENFOLD_PUBLIC_URL must be an address such as https://hesuan.example.cn, not "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new ConfigError(`TENFOLD_PUBLIC_URL must be an http or https address with no query, not "${value}"`);
  return url.toString();
}

/** A whole number of minutes from the environment, or the default when unset. */
function minutesFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number of minutes, not "${text}"`);
  return n;
}

/**
 * TENFOLD_TRUST_PROXY as Express reads it: a number of hops, or addresses and subnets (e.g.
 * "loopback", "10.0.0.0/8"); "0", "false" and "off" leave it off.
 */
function trustProxySetting(raw: string): string | false {
  const value = raw.trim();
  if (value === "" || /^(0|false|off|no)$/i.test(value)) return false;
  if (/^[\w.:/, -]+$/.test(value)) return value;
  throw new ConfigError(`TENFOLD_TRUST_PROXY must be a hop count or a list of proxy addresses (e.g. "loopback" or "10.0.0.1"), not "${raw}"`);
}
