// Several nodes (docs/api.md C11, TENFOLD_REDIS_URL): the one module that talks to Redis. Socket.IO
// rooms span the nodes through @socket.io/redis-adapter, so rotations, calls and alerts reach a
// person whichever node holds their socket. Queue pushes (C7) stay per node, each with its own
// seq, and a node learns of a change in one of two ways (docs/scaling.md):
// - it holds the site (its store has it, alone or shared with other nodes on one machine): a peer
//   announces "this point changed" and the node recomputes the line from its store;
// - it does not (the site lives in another node's file): it relays. It asks the node that holds the
//   site for the points' states when a socket subscribes, tells it every few seconds which points
//   its sockets follow, and the holder sends each new state of those points through Redis as it
//   pushes it to its own sockets (at once for a first change, at most once a second per point).
import { Redis } from "ioredis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "pino";
import type { QueueEvent, QueuePoint, QueueSubscribeAck } from "../../shared/live/events.ts";
import type { Store } from "../store/index.ts";
import { errors } from "../errors.ts";
import { rooms } from "./rooms.ts";
import { PUSH_INTERVAL_MS, type QueueBoard } from "./queue-board.ts";
import { QUEUE_CHANGED, QUEUE_CURRENT, QUEUE_FOLLOW, QUEUE_STATE, type HolderAnswer, type LiveServer, type LiveSocket } from "./io.ts";
/** How long a node waits for the others to answer it. */
export const ASK_TIMEOUT_MS = 2000;
/** How often a relaying node tells the holders which points its sockets follow. */
export const FOLLOW_EVERY_MS = 2000;
/** How long a holder keeps sending a point's states to the other nodes after the last word that one follows it. */
export const FOLLOW_TTL_MS = 3 * FOLLOW_EVERY_MS;
/** After Redis comes back, how long between a node's tries to refresh its subscribers. */
const RESYNC_EVERY_MS = 1000;
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
  /** The holder's seq (its wall clock in ms when it pushed) of the state last sent to this node's sockets. */
  lastOrigin: number;
  /** A holder's state waiting for the end of the second (two holders sharing one file may both send). */
  pending?: QueueEvent;
  timer?: NodeJS.Timeout;
}

// Not `updatedAt`: two nodes sharing one file each stamp the same change with their own clock.
const sameLine = (a: QueueEvent, b: QueueEvent) =>
  a.status === b.status && a.length === b.length && a.waitMinutes === b.waitMinutes && a.desksOpen === b.desksOpen;

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
    // A relaying node waits for the holder's QUEUE_STATE, which carries the new line.
    if (holds(site)) queues.changed(site, point);
  });

  // Holding: the points other nodes' sockets follow, until when (renewed by each QUEUE_FOLLOW).
  const followers = new Map<string, number>();
  const publish = (event: QueueEvent) => io.serverSideEmit(QUEUE_STATE, event);
  queues.remote = {
    followed: (site, point) => (followers.get(rooms.point(site, point)) ?? 0) > Date.now(),
    pushed: publish,
  };
  const follow = (site: string, points: string[]): string[] => {
    const fresh: string[] = [];
    for (const point of points) {
      const room = rooms.point(site, point);
      if ((followers.get(room) ?? 0) <= Date.now()) fresh.push(point);
      followers.set(room, Date.now() + FOLLOW_TTL_MS);
    }
    return fresh;
  };
  io.on(QUEUE_FOLLOW, (follows: unknown) => {
    if (!follows || typeof follows !== "object") return;
    for (const [site, points] of Object.entries(follows as Record<string, unknown>)) {
      const record = context.store.sites.get(site);
      if (!record || !Array.isArray(points)) continue;
      const known = new Set(record.scenario.points.map((p) => p.id));
      // A point newly followed (this node restarted, or stopped hearing): its state now, which the
      // relaying node drops when it has it already.
      for (const point of follow(site, points.filter((p): p is string => typeof p === "string" && known.has(p)))) publish(queues.current(site, point));
    }
  });

  // Only a node holding the site answers; the others stay silent (null).
  io.on(QUEUE_CURRENT, (request: { site: string; points?: string[]; follow?: boolean }, answer: (a: Answer) => void) => {
    const record = context.store.sites.get(request.site);
    if (!record) return answer(null);
    const known = record.scenario.points.map((p) => p.id);
    const unknown = (request.points ?? []).findIndex((p) => !known.includes(p));
    if (unknown >= 0)
      return answer(errors.notFound(`point "${request.points![unknown]}" of site "${request.site}"`, `$.points[${unknown}]`).toAck());
    const chosen = request.points?.length ? [...new Set(request.points)] : known;
    if (request.follow) follow(request.site, chosen);
    answer({ ok: true, points: chosen.map((point) => queues.current(request.site, point)) });
  });

  const askHolder = async (site: string, points?: string[], followed = false): Promise<Answer> => {
    const answers: Answer[] = await io.serverSideEmitWithAck(QUEUE_CURRENT, { site, points, follow: followed });
    return answers.find((a) => a !== null) ?? null;
  };

  // Relaying: this node's own seq per point, from the wall clock like the board's (queue-board.ts),
  // so it rises across restarts and never goes back when the holder restarts.
  const relayed = new Map<string, Relayed>();
  const relayOf = (room: string) => {
    let r = relayed.get(room);
    if (!r) relayed.set(room, (r = { seq: 0, lastOrigin: 0 }));
    return r;
  };
  /**
   * The state to send for a point the holder reported: the one already sent when nothing moved,
   * unless `fresh` (a new subscriber, perhaps back from another node): then numbered from now, so
   * its page, which drops a push older than the one it holds, takes it.
   */
  const stamp = (state: QueueEvent, fresh: boolean): { event: QueueEvent; moved: boolean } => {
    const r = relayOf(rooms.point(state.site, state.point));
    // A state waiting for the end of the second is older than this one (Redis keeps the holder's
    // messages in order): it must not follow it out.
    r.pending = undefined;
    if (r.sent && sameLine(r.sent, state) && !fresh) return { event: r.sent, moved: false };
    r.seq = Math.max(r.seq + 1, Date.now());
    r.sent = { ...state, seq: r.seq };
    return { event: r.sent, moved: true };
  };
  const relay = async (site: string, points: string[], force = false): Promise<boolean> => {
    let answer: Answer;
    try {
      answer = await askHolder(site, points, true);
    } catch {
      return false;
    }
    if (!answer?.ok) return false;
    for (const state of answer.points) {
      const { event, moved } = stamp(state, false);
      if (moved || force) io.local.to(rooms.point(site, state.point)).emit("queue", event);
    }
    return true;
  };

  /**
   * Sends a holder's new state to this node's sockets. The holder pushes a point at most once a
   * second (C7), and its seq is its clock when it did: states a second apart there go out at once
   * here, however unevenly Redis delivers them; two holders sharing a file, each sending, are held
   * to one a second by the same measure.
   */
  const deliver = (room: string) => {
    const r = relayOf(room);
    r.timer = undefined;
    const state = r.pending;
    r.pending = undefined;
    if (!state) return;
    const { event, moved } = stamp(state, false);
    r.lastOrigin = Math.max(r.lastOrigin, state.seq);
    if (moved) io.local.to(room).emit("queue", event);
  };
  io.on(QUEUE_STATE, (state: QueueEvent) => {
    if (!state || typeof state.site !== "string" || typeof state.point !== "string") return;
    // A node holding the site too (one shared file) recomputes it itself on QUEUE_CHANGED.
    if (holds(state.site)) return;
    const room = rooms.point(state.site, state.point);
    if (!subscribed(room)) return;
    const r = relayOf(room);
    r.pending = state;
    if (r.timer) return;
    const wait = Math.min(PUSH_INTERVAL_MS, r.lastOrigin + PUSH_INTERVAL_MS - state.seq);
    if (wait <= 0) deliver(room);
    else r.timer = setTimeout(() => deliver(room), wait);
  });

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

  // Every few seconds: the holders hear which points this node's sockets follow (a holder that
  // restarted learns it again, and sends their state), and forget what nobody follows any more.
  const heartbeat = setInterval(() => {
    for (const [room, r] of relayed) if (!subscribed(room) && !r.timer) relayed.delete(room);
    const now = Date.now();
    for (const [room, until] of followers) if (until <= now) followers.delete(room);
    const follows = followedElsewhere();
    if (follows.size) io.serverSideEmit(QUEUE_FOLLOW, Object.fromEntries(follows));
  }, FOLLOW_EVERY_MS);
  heartbeat.unref();

  /** Pushes may have been lost while Redis was away: every node sends its own subscribers the state now. */
  const resync = async (tries: number): Promise<void> => {
    for (const [room, members] of io.of("/").adapter.rooms) {
      const m = pointRoom.exec(room);
      if (m && members.size > 0 && holds(m[1])) io.local.to(room).emit("queue", queues.current(m[1], m[2]));
    }
    let missed = false;
    for (const [site, points] of followedElsewhere()) if (!(await relay(site, points, true))) missed = true;
    // The holder's own link to Redis may come back after ours: try again a tick later.
    if (missed && tries > 1) setTimeout(() => void resync(tries - 1), RESYNC_EVERY_MS).unref();
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
        answer = await askHolder(site, points, true);
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
      clearInterval(heartbeat);
      queues.remote = undefined;
      for (const r of relayed.values()) if (r.timer) clearTimeout(r.timer);
      // Not quit(): with Redis away, quit() would wait in the offline queue.
      pub.disconnect();
      sub.disconnect();
    },
  };
}
