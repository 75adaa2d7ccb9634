// Server settings from the environment docs/api.md, merged over defaults.
import { join } from "node:path";

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
}

export const DEFAULT_CONFIG: Config = {
  port: 3000,
  db: join(process.cwd(), "data", "tenfold.db"),
  seed: true,
  bodyLimit: "4mb",
  tokenTtlSeconds: 16 * 3600,
  logLevel: "info",
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
    logLevel: env.TENFOLD_LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : DEFAULT_CONFIG.logLevel),
  };
}
