// The residents' queue board (docs/api.md C7): each point's state with a stable `updatedAt` (it
// moves only when the state does), a rising `seq`, and pushes coalesced to one a second per point.
import type { Logger } from "pino";
import type { Clock } from "../../shared/clock.ts";
import type { QueuePoint, QueueEvent } from "../../shared/live/events.ts";
import type { Store } from "../store/index.ts";
import type { LiveServer } from "./io.ts";
import { pointLine } from "../services/line.ts";
import { rooms } from "./rooms.ts";

/** At most one push a second per point (C7). */
export const PUSH_INTERVAL_MS = 1000;

interface PointSlot {
  state?: QueuePoint;
  /** The state last pushed: a push goes out only when the state moved past it. */
  pushed?: QueuePoint;
  seq: number;
  lastPush: number;
  timer?: NodeJS.Timeout;
}

const room = rooms.point;

/** Points followed on other nodes, and where their pushes go (live/redis.ts, in a cluster). */
export interface RemoteFollowers {
  followed(site: string, point: string): boolean;
  pushed(event: QueueEvent): void;
}

export class QueueBoard {
  /** Set when other nodes relay this node's sites (live/redis.ts). */
  remote?: RemoteFollowers;
  private readonly slots = new Map<string, PointSlot>();
  /** Per site, how many changes were announced: the public snapshot's cache key (api/queue.ts). */
  private readonly revisions = new Map<string, number>();

  private readonly io: LiveServer;

  constructor(private readonly context: { store: Store; clock: Clock; logger: Logger; io: LiveServer }) {
    this.io = context.io;
  }

  private slot(site: string, point: string): PointSlot {
    const key = `${site}\u0000${point}`;
    let slot = this.slots.get(key);
    if (!slot) {
      // The seq starts from the wall clock in ms, not 0: a restarted server must not count again
      // from 0, or residents' pages (which drop a push older than the one they hold) would ignore
      // every push after the restart (C11: reconnect, get the current state). Pushes come at most
      // once a second, so the count never catches up with the milliseconds between two starts.
      slot = { seq: Date.now(), lastPush: 0 };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** The point's state now; `updatedAt` keeps its old value while nothing changed. */
  state(site: string, point: string): QueuePoint {
    const record = this.context.store.sites.get(site)!;
    const name = record.scenario.points.find((p) => p.id === point)?.name ?? point;
    const line = pointLine(this.context, site, point);
    const slot = this.slot(site, point);
    const fresh = { site, point, name, status: line.status, length: line.length, waitMinutes: line.waitMinutes, desksOpen: line.desksOpen };
    const old = slot.state;
    if (old && old.status === fresh.status && old.length === fresh.length && old.waitMinutes === fresh.waitMinutes && old.desksOpen === fresh.desksOpen)
      return old;
    slot.state = { ...fresh, updatedAt: new Date(this.context.clock.now()).toISOString() };
    return slot.state;
  }

  /** Every point of a site, in the scenario's order. */
  snapshot(site: string): QueuePoint[] {
    const record = this.context.store.sites.get(site);
    return (record?.scenario.points ?? []).map((p) => this.state(site, p.id));
  }

  /** The state a new subscriber gets first, with the point's current seq. */
  current(site: string, point: string): QueueEvent {
    const slot = this.slot(site, point);
    const state = this.state(site, point);
    return { ...state, seq: slot.seq };
  }

  /**
   * Recomputes the points someone is subscribed to, on this node or through another one (time
   * alone changes a line).
   */
  refreshSubscribed(site: string): void {
    const record = this.context.store.sites.get(site);
    for (const p of record?.scenario.points ?? [])
      if (this.io.sockets.adapter.rooms.get(room(site, p.id))?.size || this.remote?.followed(site, p.id)) this.changed(site, p.id);
  }

  /** Rises whenever something at one of the site's points is announced as changed. */
  revision(site: string): number {
    return this.revisions.get(site) ?? 0;
  }

  /**
   * Something at a point changed. The first change after a quiet second goes out at once (the
   * leading edge); later ones within the second wait for its end and go out as one push of the
   * state then (the trailing edge): at most one push a second per point (C7), and no second's
   * delay added to the first change.
   */
  changed(site: string, point: string): void {
    this.revisions.set(site, this.revision(site) + 1);
    const slot = this.slot(site, point);
    if (slot.timer) return;
    const wait = Math.max(0, slot.lastPush + PUSH_INTERVAL_MS - Date.now());
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      this.push(site, point, slot);
    }, wait);
  }

  private push(site: string, point: string, slot: PointSlot): void {
    if (!this.context.store.sites.get(site)) return;
    let state: QueuePoint;
    try {
      state = this.state(site, point);
    } catch (err) {
      this.context.logger.error({ err, site, point }, "queue state failed");
      return;
    }
    if (slot.pushed === state) return; // unchanged: nothing to tell anyone
    slot.pushed = state;
    // Never below the wall clock either: a page that reconnects to another node of a cluster
    // (whose slot was made earlier) still takes the next push (as server/live/redis.ts does).
    slot.seq = Math.max(slot.seq + 1, Date.now());
    slot.lastPush = Date.now();
    // Local only: in a cluster every node pushes to its own subscribers, with its own seq.
    const event = { ...state, seq: slot.seq };
    this.io.local.to(room(site, point)).emit("queue", event);
    // Other nodes' sockets that follow the point get the same state through Redis, at once.
    if (this.remote?.followed(site, point)) this.remote.pushed(event);
  }

  close(): void {
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.slots.clear();
  }
}
