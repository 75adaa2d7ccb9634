// What the routes, services and live modules share. createApp builds every part once and passes
// this in; nothing here imports a route or a service, so no module imports its caller back.
import type { Logger } from "pino";
import type { Clock } from "../shared/clock.ts";
import type { Config } from "./config.ts";
import type { Store } from "./store/index.ts";
import type { CommitGroup } from "./store/commit-group.ts";
import type { LiveHub } from "./live/hub.ts";
import type { LiveServer } from "./live/io.ts";
import type { Cluster } from "./live/redis.ts";
import type { Metrics } from "./metrics.ts";
import type { WorkerPool } from "./workers/pool.ts";

export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
  readonly logger: Logger;
  readonly io: LiveServer;
  /** Live pushes after a write commits (docs/api.md C5, C7, C8). */
  readonly live: LiveHub;
  /** Writes that arrive together share one commit (store/commit-group.ts). */
  readonly commits: CommitGroup;
  /** Set when nodes share live pushes through Redis (config.redisUrl). */
  readonly cluster?: Cluster;
  /** The app's own counters for GET /metrics (metrics.ts); one registry per app. */
  readonly metrics: Metrics;
  /** Worker threads for the planner and .xlsx reading (server/workers/pool.ts). */
  readonly workers: WorkerPool;
}
