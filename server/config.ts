// Server settings from the environment docs/api.md, merged over defaults.
import { join } from "node:path";
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

/** A whole number of minutes from the environment, or the default when unset. */
function minutesFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of minutes, not "${text}"`);
  return n;
}
