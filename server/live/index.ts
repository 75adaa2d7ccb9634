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

/** Points one subscribe may name (or a whole site may have, when it names none): it sends one state each. */
export const MAX_POINTS_PER_SUBSCRIBE = 50;
/** Point rooms one socket may be in at once: a board follows a few points, never a district. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;
/** The lead's live board follows a whole district (the scenario's most points) on one socket. */
export const LEAD_MAX_POINTS = 300;
/** States subscribes may send one socket per window: joining and leaving in a loop is bounded too. */
export const SUBSCRIBE_STATES_PER_WINDOW = 200;
export const SUBSCRIBE_WINDOW_MS = 60_000;

/** Per socket: the states its subscribes were sent in the current window. */
const budgets = new WeakMap<object, { since: number; sent: number }>();

type Refusal = Extract<QueueSubscribeAck, { ok: false }>;
const refuse = (code: string, message: string, path?: string): Refusal => ({ ok: false, error: { code, message, ...(path ? { path } : {}) } });

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
  const queueRooms = () => [...socket.rooms].filter((room) => room.startsWith("queue:"));
  const lead = socket.data.account?.role === "lead";
  const maxPoints = lead ? LEAD_MAX_POINTS : MAX_POINTS_PER_SUBSCRIBE;
  const maxRooms = lead ? LEAD_MAX_POINTS * 2 : MAX_SUBSCRIPTIONS_PER_SOCKET;
  if (join && queueRooms().length + (points?.length ?? 1) > maxRooms)
    return refuse("TOO_MANY_SUBSCRIPTIONS", `one connection follows at most ${maxRooms} points; unsubscribe from some first`);
  const record = context.store.sites.get(site);
  if (!record && context.cluster) return context.cluster.subscribeElsewhere(socket, site, points, join);
  if (!record) return errors.notFound(`site "${site}"`, "$.site").toAck();
  const known = record.scenario.points.map((p) => p.id);
  const unknown = (points ?? []).findIndex((p) => !known.includes(p));
  if (unknown >= 0) return errors.notFound(`point "${points![unknown]}" of site "${site}"`, `$.points[${unknown}]`).toAck();
  const chosen = points?.length ? [...new Set(points)] : known;
  const hub = context.live;
  if (!join) {
    for (const point of chosen) socket.leave(rooms.point(site, point));
    return { ok: true, points: chosen };
  }
  if (chosen.length > maxPoints) return refuse("TOO_MANY_POINTS", `site "${site}" has ${chosen.length} points; name at most ${maxPoints} in "points"`, "$.points");
  // A repeat (already in the room) sends nothing again: the socket has the state and gets every push.
  const fresh = chosen.filter((point) => !socket.rooms.has(rooms.point(site, point)));
  if (queueRooms().length + fresh.length > maxRooms)
    return refuse("TOO_MANY_SUBSCRIPTIONS", `one connection follows at most ${maxRooms} points; unsubscribe from some first`);
  const now = Date.now();
  let budget = budgets.get(socket);
  if (!budget || now - budget.since >= SUBSCRIBE_WINDOW_MS) budgets.set(socket, (budget = { since: now, sent: 0 }));
  if (budget.sent + fresh.length > (lead ? LEAD_MAX_POINTS * 4 : SUBSCRIBE_STATES_PER_WINDOW))
    return refuse("TOO_MANY_REQUESTS", `too many subscriptions from this connection; wait ${Math.ceil((budget.since + SUBSCRIBE_WINDOW_MS - now) / 1000)} s`);
  budget.sent += fresh.length;
  for (const point of fresh) {
    socket.join(rooms.point(site, point));
    socket.emit("queue", hub.queues.current(site, point));
  }
  return { ok: true, points: chosen };
}
