// Several nodes (docs/api.md C11, TENFOLD_REDIS_URL): the one module that talks to Redis. Socket.IO
// rooms span the nodes through @socket.io/redis-adapter, so rotations, calls and alerts reach a
// person whichever node holds their socket. Queue pushes (C7) stay per node, each with its own
// seq, and a node learns of a change in one of two ways (docs/scaling.md):
// - it holds the site (its store has it, alone or shared with other nodes on one machine): a peer
//   announces "this point changed" and the node recomputes the line from its store;
// - it does not (the site lives in another node's file): it relays, asking the node that holds the
//   site for the point's state, on each announcement and once a tick, and pushes that.
import { Redis } from "ioredis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "pino";
import type { QueueEvent, QueuePoint, QueueSubscribeAck } from "../../shared/live/events.ts";
import type { Store } from "../store/index.ts";
import { errors } from "../errors.ts";
import { rooms } from "./rooms.ts";
import { PUSH_INTERVAL_MS, type QueueBoard } from "./queue-board.ts";
import { QUEUE_CHANGED, QUEUE_CURRENT, type HolderAnswer, type LiveServer, type LiveSocket } from "./io.ts";
/** How long a node waits for the others to answer it. */
export const ASK_TIMEOUT_MS = 2000;
/** How often a relaying node re-reads the points its sockets follow (time alone moves a line). */
export const RELAY_REFRESH_MS = 1000;
/** After Redis comes back, how often a node tries to refresh its subscribers before it gives up. */
const RESYNC_TRIES = 5;

type Answer = HolderAnswer;

export interface Cluster {
  /** Tells the other nodes that a point's line changed. */
  announce(site: string, point: string): void;
  /** The points of a site this node does not hold, from the node that does; undefined when no node does. */
  currentElsewhere(site: string): Promise<QueuePoint[] | undefined>;
  /** Subscribes (or unsubscribes) a socket to a site this node does not hold, through the node that does. */
  subscribeElsewhere(socket: LiveSocket, site: string, points: string[] | undefined, join: boolean): Promise<QueueSubscribeAck>;
  close(): Promise<void>;
}

/** What a relaying node last sent to its sockets for one point. */
interface Relayed {
  sent?: QueueEvent;
  seq: number;
  lastFetch: number;
  timer?: NodeJS.Timeout;
}

const sameLine = (a: QueueEvent, b: QueueEvent) =>
  a.status === b.status && a.length === b.length && a.waitMinutes === b.waitMinutes && a.desksOpen === b.desksOpen && a.updatedAt === b.updatedAt;

const pointRoom = /^queue:([^:]+):(.+)$/;

/**
 * Puts the Redis adapter under the app's Socket.IO server, before any socket connects. A peer's
 * change at a site this node holds is recomputed here by `queues`.
 */
export function shareLivePushes(context: { io: LiveServer; store: Store; logger: Logger; queues: QueueBoard }, url: string): Cluster {
  const { io, logger, queues } = context;
  // Commands wait for Redis to come back rather than fail: the adapter publishes without catching,
  // and a rejected publish would end the process. A long outage queues small messages meanwhile.
  const pub = new Redis(url, { maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  let everReady = false;
  let down = false;
  for (const [name, client] of [["pub", pub], ["sub", sub]] as const)
    client.on("error", (err: Error) => {
      // ioredis reconnects by itself: one line per outage, not one per retry.
      if (!down) logger.warn({ err: err.message, client: name }, "redis unavailable: pushes stay on this node until it is back");
      down = true;
    });
  sub.on("ready", () => {
    if (everReady) {
      logger.info("redis back: sending this node's subscribers the current state");
      down = false;
      void resync(RESYNC_TRIES);
    }
    everReady = true;
  });
  io.adapter(createAdapter(pub, sub, { key: "tenfold", requestsTimeout: ASK_TIMEOUT_MS }));

  const holds = (site: string) => context.store.sites.get(site) !== undefined;
  const subscribed = (room: string) => (io.of("/").adapter.rooms.get(room)?.size ?? 0) > 0;
  io.on(QUEUE_CHANGED, (site: unknown, point: unknown) => {
    if (typeof site !== "string" || typeof point !== "string") return;
    if (holds(site)) queues.changed(site, point);
    else if (subscribed(rooms.point(site, point))) scheduleRelay(site, point);
  });

  // Only a node holding the site answers; the others stay silent (null).
  io.on(QUEUE_CURRENT, (request: { site: string; points?: string[] }, answer: (a: Answer) => void) => {
    const record = context.store.sites.get(request.site);
    if (!record) return answer(null);
    const known = record.scenario.points.map((p) => p.id);
    const unknown = (request.points ?? []).findIndex((p) => !known.includes(p));
    if (unknown >= 0)
      return answer(errors.notFound(`point "${request.points![unknown]}" of site "${request.site}"`, `$.points[${unknown}]`).toAck());
    const chosen = request.points?.length ? [...new Set(request.points)] : known;
    answer({ ok: true, points: chosen.map((point) => queues.current(request.site, point)) });
  });

  const askHolder = async (site: string, points?: string[]): Promise<Answer> => {
    const answers: Answer[] = await io.serverSideEmitWithAck(QUEUE_CURRENT, { site, points });
    return answers.find((a) => a !== null) ?? null;
  };

  // Relaying: this node's own seq per point, from the wall clock like the board's (queue-board.ts),
  // so it rises across restarts and never goes back when the holder restarts.
  const relayed = new Map<string, Relayed>();
  const relayOf = (room: string) => {
    let r = relayed.get(room);
    if (!r) relayed.set(room, (r = { seq: 0, lastFetch: 0 }));
    return r;
  };
  /**
   * The state to send for a point the holder reported: the one already sent when nothing moved,
   * unless `fresh` (a new subscriber, perhaps back from another node): then numbered from now, so
   * its page, which drops a push older than the one it holds, takes it.
   */
  const stamp = (state: QueueEvent, fresh: boolean): { event: QueueEvent; moved: boolean } => {
    const r = relayOf(rooms.point(state.site, state.point));
    if (r.sent && sameLine(r.sent, state) && !fresh) return { event: r.sent, moved: false };
    r.seq = Math.max(r.seq + 1, Date.now());
    r.sent = { ...state, seq: r.seq };
    return { event: r.sent, moved: true };
  };
  const relay = async (site: string, points: string[], force = false): Promise<boolean> => {
    let answer: Answer;
    try {
      answer = await askHolder(site, points);
    } catch {
      return false;
    }
    if (!answer?.ok) return false;
    for (const state of answer.points) {
      const room = rooms.point(site, state.point);
      relayOf(room).lastFetch = Date.now();
      const { event, moved } = stamp(state, false);
      if (moved || force) io.local.to(room).emit("queue", event);
    }
    return true;
  };
  /** At most one relay a second per point, as the board pushes (C7). */
  const scheduleRelay = (site: string, point: string) => {
    const r = relayOf(rooms.point(site, point));
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = undefined;
      void relay(site, [point]);
    }, Math.max(0, r.lastFetch + PUSH_INTERVAL_MS - Date.now()));
  };

  /** Points this node's sockets follow at sites it does not hold, by site. */
  const followedElsewhere = (): Map<string, string[]> => {
    const bySite = new Map<string, string[]>();
    for (const [room, members] of io.of("/").adapter.rooms) {
      const m = pointRoom.exec(room);
      if (!m || members.size === 0 || holds(m[1])) continue;
      bySite.set(m[1], [...(bySite.get(m[1]) ?? []), m[2]]);
    }
    return bySite;
  };

  const refresh = setInterval(() => {
    for (const [room, r] of relayed) if (!subscribed(room) && !r.timer) relayed.delete(room);
    for (const [site, points] of followedElsewhere()) void relay(site, points);
  }, RELAY_REFRESH_MS);
  refresh.unref();

  /** Pushes may have been lost while Redis was away: every node sends its own subscribers the state now. */
  const resync = async (tries: number): Promise<void> => {
    for (const [room, members] of io.of("/").adapter.rooms) {
      const m = pointRoom.exec(room);
      if (m && members.size > 0 && holds(m[1])) io.local.to(room).emit("queue", queues.current(m[1], m[2]));
    }
    let missed = false;
    for (const [site, points] of followedElsewhere()) if (!(await relay(site, points, true))) missed = true;
    // The holder's own link to Redis may come back after ours: try again a tick later.
    if (missed && tries > 1) setTimeout(() => void resync(tries - 1), RELAY_REFRESH_MS).unref();
  };

  return {
    announce: (site, point) => {
      io.serverSideEmit(QUEUE_CHANGED, site, point);
    },
    async currentElsewhere(site) {
      let answer: Answer;
      try {
        answer = await askHolder(site);
      } catch {
        throw errors.siteNodeUnavailable(site);
      }
      if (!answer) return undefined;
      if (!answer.ok) throw errors.siteNodeUnavailable(site);
      return answer.points.map(({ seq: _seq, ...point }) => point);
    },
    async subscribeElsewhere(socket, site, points, join) {
      if (!join) {
        const leaving = [...socket.rooms].filter((room) => room.startsWith(`queue:${site}:`) && (!points?.length || points.some((p) => room === rooms.point(site, p))));
        for (const room of leaving) socket.leave(room);
        return { ok: true, points: leaving.map((room) => room.slice(`queue:${site}:`.length)) };
      }
      let answer: Answer;
      try {
        answer = await askHolder(site, points);
      } catch {
        return errors.siteNodeUnavailable(site).toAck();
      }
      if (!answer) return errors.notFound(`site "${site}"`, "$.site").toAck();
      if (!answer.ok) return answer;
      for (const state of answer.points) {
        socket.join(rooms.point(site, state.point));
        socket.emit("queue", stamp(state, true).event);
      }
      return { ok: true, points: answer.points.map((p) => p.point) };
    },
    async close() {
      clearInterval(refresh);
      for (const r of relayed.values()) if (r.timer) clearTimeout(r.timer);
      // Not quit(): with Redis away, quit() would wait in the offline queue.
      pub.disconnect();
      sub.disconnect();
    },
  };
}
