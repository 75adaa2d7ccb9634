// Live pushes over Socket.IO (docs/api.md C7, C8): the handshake, queue subscriptions, each staff
// member's own room, the leads' room, and the ticker; returns what to stop at shutdown.
import type { AppContext } from "../context.ts";
import type { QueueSubscribeAck } from "../../shared/live/events.ts";
import type { LiveSocket } from "./io.ts";
import { socketAuth } from "../auth/socket.ts";
import { onRoster } from "../auth/guard.ts";
import { QueueSubscribe } from "../../shared/live/shapes.ts";
import { validator } from "../api/validator.ts";
import { rooms } from "./rooms.ts";
import { errors } from "../errors.ts";
import { Ticker } from "./ticker.ts";

const subscribeRequest = validator(QueueSubscribe);

export function mountLive(context: AppContext): () => Promise<void> {
  const hub = context.live;
  context.io.use(socketAuth(context));
  context.io.on("connection", (socket) => {
    const account = socket.data.account;
    if (account?.role === "lead") socket.join(rooms.leads);
    const record = account?.site ? context.store.sites.get(account.site) : undefined;
    // Someone taken off the roster (PUT …/scenario) keeps a valid token but hears nothing more.
    if (account?.role === "staff" && account.site && account.staff && record && onRoster(record, account.staff)) {
      socket.join(rooms.staff(account.site, account.staff));
      // A reconnecting phone gets its rotation at once (C11: reconnect, get the current state).
      const rotation = hub.rotationOf(account.site, account.staff, "connect");
      if (rotation) socket.emit("rotation", rotation);
    }
    socket.on("queue:subscribe", async (request, ack) => {
      const reply = await subscribe(context, socket, request, true);
      if (typeof ack === "function") ack(reply);
    });
    socket.on("queue:unsubscribe", async (request, ack) => {
      const reply = await subscribe(context, socket, request, false);
      if (typeof ack === "function") ack(reply);
    });
  });
  const ticker = new Ticker(context);
  ticker.start();
  return async () => {
    ticker.stop();
    hub.close();
  };
}

/**
 * Joins (or leaves) the rooms of a site's points; a subscriber gets each point's state first. A
 * site held by another node is subscribed through it (live/redis.ts).
 */
function subscribe(context: AppContext, socket: LiveSocket, request: unknown, join: boolean): QueueSubscribeAck | Promise<QueueSubscribeAck> {
  const problems = subscribeRequest.problems(request);
  if (problems.length) return errors.invalidInput(problems).toAck();
  const { site, points } = request as { site: string; points?: string[] };
  const record = context.store.sites.get(site);
  if (!record && context.cluster) return context.cluster.subscribeElsewhere(socket, site, points, join);
  if (!record) return errors.notFound(`site "${site}"`, "$.site").toAck();
  const known = record.scenario.points.map((p) => p.id);
  const unknown = (points ?? []).findIndex((p) => !known.includes(p));
  if (unknown >= 0) return errors.notFound(`point "${points![unknown]}" of site "${site}"`, `$.points[${unknown}]`).toAck();
  const chosen = points?.length ? [...new Set(points)] : known;
  const hub = context.live;
  for (const point of chosen) {
    if (!join) {
      socket.leave(rooms.point(site, point));
      continue;
    }
    socket.join(rooms.point(site, point));
    socket.emit("queue", hub.queues.current(site, point));
  }
  return { ok: true, points: chosen };
}
