// Several nodes (PRODUCT.md C11, TENFOLD_REDIS_URL): pushes that follow a write go to every node's
// sockets through the Redis adapter; a changed queue point is announced to the other nodes, each of
// which recomputes it from the shared store for its own subscribers (so each keeps its own seq).
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { AppContext } from "../app.ts";

/** The server-to-server event that says "this point's line changed". */
export const QUEUE_CHANGED = "tenfold:queue-changed";

export interface Cluster {
  /** Tells the other nodes a point changed. */
  announce(site: string, point: string): void;
  close(): Promise<void>;
}

/** Joins the nodes sharing `redisUrl`; `onPeerChange` runs when another node announces a change. */
export function joinCluster(context: AppContext, redisUrl: string, onPeerChange: (site: string, point: string) => void): Cluster {
  const pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on("error", (err) => context.logger.warn({ err: err.message }, "redis"));
  context.io.adapter(createAdapter(pub, sub));
  context.io.on(QUEUE_CHANGED, (site: unknown, point: unknown) => {
    if (typeof site === "string" && typeof point === "string") onPeerChange(site, point);
  });
  return {
    announce: (site, point) => {
      context.io.serverSideEmit(QUEUE_CHANGED, site, point);
    },
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
