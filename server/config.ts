// Server settings from the environment docs/api.md, merged over defaults.
import { join } from "node:path";
import type { LoginLimits } from "./api/auth.ts";

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
  /** Worker threads for the planner and .xlsx reading (TENFOLD_WORKERS). */
  workerThreads: number;
  /** Tasks that may wait for a worker; one more is a 503 with Retry-After (TENFOLD_WORKER_QUEUE). */
  workerQueue: number;
  /** Time limit of one planner run or workbook read, seconds (TENFOLD_PLAN_TIMEOUT). */
  workerTimeoutSeconds: number;
  /** Believe X-Forwarded-For from these proxies (TENFOLD_TRUST_PROXY; Express's "trust proxy"); off by default. */
  trustProxy: string | false;
  /** Sign-in limits per client address (api/auth.ts DEFAULT_LOGIN_LIMITS); tests set smaller ones. */
  loginLimits?: Partial<LoginLimits>;
}

export const DEFAULT_CONFIG: Config = {
  port: 3000,
  db: join(process.cwd(), "data", "tenfold.db"),
  seed: true,
  bodyLimit: "4mb",
  tokenTtlSeconds: 16 * 3600,
  logLevel: "info",
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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    ...DEFAULT_CONFIG,
    port,
    db: env.TENFOLD_DB || DEFAULT_CONFIG.db,
    leadCode: checkLeadCode(env.TENFOLD_LEAD_CODE),
    seed: env.TENFOLD_SEED !== "0",
    redisUrl: env.TENFOLD_REDIS_URL || undefined,
    logLevel: env.TENFOLD_LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : DEFAULT_CONFIG.logLevel),
    workerThreads: intSetting(env, "TENFOLD_WORKERS", DEFAULT_CONFIG.workerThreads, 1, 64),
    workerQueue: intSetting(env, "TENFOLD_WORKER_QUEUE", DEFAULT_CONFIG.workerQueue, 0, 1000),
    workerTimeoutSeconds: intSetting(env, "TENFOLD_PLAN_TIMEOUT", DEFAULT_CONFIG.workerTimeoutSeconds, 1, 3600),
    trustProxy: env.TENFOLD_TRUST_PROXY ? trustProxySetting(env.TENFOLD_TRUST_PROXY) : false,
  };
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
