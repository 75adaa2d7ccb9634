// The live hub of one app: what services call after a write commits, to push queues, rotations,
// calls and alerts (PRODUCT.md C7, C8). One per app context, made on first use.
import type { Server as IoServer } from "socket.io";
import type { AppContext } from "../app.ts";
import type {
  AlertEvent,
  AlertKind,
  CallEvent,
  ClientToServerEvents,
  RotationReason,
  ServerToClientEvents,
} from "../../shared/live/events.ts";
import { QueueBoard } from "./queue-board.ts";
import { assignmentsOf } from "../services/plans.ts";

export type LiveServer = IoServer<ClientToServerEvents, ServerToClientEvents>;

/** Room names: one per staff member, one for leads, one per subscribed point. */
export const rooms = {
  staff: (site: string, staff: string) => `staff:${site}:${staff}`,
  leads: "leads",
  point: (site: string, point: string) => `queue:${site}:${point}`,
};

export class LiveHub {
  readonly queues: QueueBoard;
  private readonly io: LiveServer;

  constructor(private readonly context: AppContext) {
    this.io = context.io as LiveServer;
    this.queues = new QueueBoard(context, this.io);
  }

  queueChanged(site: string, point: string): void {
    this.queues.changed(site, point);
  }

  queueChangedSite(site: string): void {
    const record = this.context.store.sites.get(site);
    for (const p of record?.scenario.points ?? []) this.queues.changed(site, p.id);
  }

  /** Sends each named person their assignments in the plan in force. */
  rotationChanged(site: string, staff: string[], reason: RotationReason): void {
    const current = this.context.store.plans.current(site);
    if (!current) return;
    for (const person of staff)
      this.io.to(rooms.staff(site, person)).emit("rotation", {
        site,
        staff: person,
        plan: current.id,
        revision: current.revision,
        reason,
        assignments: assignmentsOf(current.plan, person),
      });
  }

  call(event: CallEvent): void {
    this.io.to(rooms.staff(event.site, event.staff)).emit("call", event);
  }

  alert(site: string, kind: AlertKind, message: string, details: Record<string, unknown> = {}): void {
    const event: AlertEvent = { ...details, site, kind, message, at: new Date(this.context.clock.now()).toISOString() };
    this.context.logger.info({ site, kind }, "alert");
    this.io.to(rooms.leads).emit("alert", event);
  }

  close(): void {
    this.queues.close();
  }
}

const hubs = new WeakMap<AppContext, LiveHub>();

/** The live hub of an app. */
export function live(context: AppContext): LiveHub {
  let hub = hubs.get(context);
  if (!hub) {
    hub = new LiveHub(context);
    hubs.set(context, hub);
  }
  return hub;
}
