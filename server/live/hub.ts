// The live hub of one app: what services call after a write commits, to push queues, rotations,
// calls, swaps and alerts (docs/api.md C5, C7, C8). One per app, built by createApp.
import type { Logger } from "pino";
import type { Clock } from "../../shared/clock.ts";
import type { AlertEvent, AlertKind, CallEvent, RotationEvent, RotationReason, SwapEvent } from "../../shared/live/events.ts";
import type { Store } from "../store/index.ts";
import type { QueueBoard } from "./queue-board.ts";
import type { LiveServer } from "./io.ts";
import { assignmentsOf } from "../../shared/rotation/now.ts";
import { rooms } from "./rooms.ts";
import { alertMessage, type AlertParams, type AlertText } from "../../shared/live/alert-texts.ts";

export interface LiveHubParts {
  store: Store;
  clock: Clock;
  logger: Logger;
  io: LiveServer;
  queues: QueueBoard;
  /** Set when the app runs as one node of several (TENFOLD_REDIS_URL). */
  cluster?: { announce(site: string, point: string): void };
}

export class LiveHub {
  readonly queues: QueueBoard;
  private readonly io: LiveServer;

  constructor(private readonly context: LiveHubParts) {
    this.io = context.io;
    this.queues = context.queues;
  }

  queueChanged(site: string, point: string): void {
    this.queues.changed(site, point);
    this.context.cluster?.announce(site, point);
  }

  queueChangedSite(site: string): void {
    const record = this.context.store.sites.get(site);
    for (const p of record?.scenario.points ?? []) this.queueChanged(site, p.id);
  }

  /** One person's assignments in the plan in force, as a `rotation` push. */
  rotationOf(site: string, staff: string, reason: RotationReason): RotationEvent | undefined {
    const current = this.context.store.plans.current(site);
    if (!current) return undefined;
    return { site, staff, plan: current.id, revision: current.revision, reason, assignments: assignmentsOf(current.plan, staff) };
  }

  /** Sends each named person their assignments in the plan in force. */
  rotationChanged(site: string, staff: string[], reason: RotationReason): void {
    for (const person of staff) {
      const event = this.rotationOf(site, person, reason);
      if (event) this.io.to(rooms.staff(site, person)).emit("rotation", event);
    }
  }

  /**
   * Calls a person to a desk. `local`: only this node's sockets, for what every node's ticker
   * finds by itself (so a cluster does not call twice).
   */
  call(event: CallEvent, { local = false } = {}): void {
    (local ? this.io.local : this.io).to(rooms.staff(event.site, event.staff)).emit("call", event);
  }

  /**
   * Stores an alert, then sends it to the leads (only they: details may name residents). Its text
   * is `text` with `params` (shared/live/alert-texts.ts): `message` in English, and the page renders
   * the reader's language from the same two. `key`: one alert however many nodes find it (the
   * ticker's, which every node runs over a shared file).
   */
  alert<K extends AlertText>(
    site: string,
    kind: AlertKind,
    text: K,
    params: AlertParams[K],
    details: Record<string, unknown> = {},
    { local = false, key }: { local?: boolean; key?: string } = {},
  ): void {
    const at = this.context.clock.now();
    const message = alertMessage(text, params, "en");
    const detail = { ...details, text, params };
    const event: AlertEvent = { ...detail, site, kind, message, at: new Date(at).toISOString() };
    try {
      event.seq = this.context.store.alerts.add(site, { kind, message, at, detail, key });
    } catch (err) {
      // The write that caused the alert is committed already: the lead still hears of it live.
      this.context.logger.error({ err, site, kind }, "alert not stored");
    }
    this.context.logger.info({ site, kind, seq: event.seq }, "alert");
    (local ? this.io.local : this.io).to(rooms.leads).emit("alert", event);
  }

  /** A step of a swap, to the two people it names and to the leads (C5: nobody learns by polling). */
  swapChanged(event: SwapEvent): void {
    this.io.to([rooms.staff(event.site, event.from), rooms.staff(event.site, event.to), rooms.leads]).emit("swap", event);
  }

  close(): void {
    this.queues.close();
  }
}
