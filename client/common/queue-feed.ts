// A site's queue numbers (resident page, lead board): live `queue` pushes over Socket.IO, and
// while the socket is down the cacheable snapshot, polled every few seconds (docs/api.md C7).
import { api } from "./api.ts";
import { connectLive, type LiveSocket } from "./live.ts";
import type { QueueEvent, QueuePoint, QueueSnapshot } from "./contract.ts";

export const POLL_SECONDS = 15;

export type KnownPoint = QueuePoint & { seq?: number };

export interface QueueFeed {
  /** The latest state of each point, by point id. */
  points: Map<string, KnownPoint>;
  live(): boolean;
  /** Stops following: no more polls, pushes or calls to `onChange`. */
  stop(): void;
}

const ms = (at: string | number | undefined) => (typeof at === "number" ? at : Date.parse(at ?? "")) || 0;

/** Follows one site's points; calls `onChange` after every update and every change of mode. */
export function followQueues(site: string, onChange: () => void, shared?: LiveSocket): QueueFeed {
  const points = new Map<string, KnownPoint>();
  let poller: ReturnType<typeof setInterval> | undefined;

  const take = (p: KnownPoint): boolean => {
    if (p.site !== site) return false;
    const known = points.get(p.point);
    // A push older than what we hold (a late poll, a reordered packet) never rolls the board back.
    if (known?.seq !== undefined && p.seq !== undefined && p.seq < known.seq) return false;
    if (known && p.seq === undefined && ms(p.updatedAt) < ms(known.updatedAt)) return false;
    points.set(p.point, { ...known, ...p });
    return true;
  };

  const poll = async () => {
    try {
      const snapshot = await api<QueueSnapshot>(`/api/v1/queue?site=${encodeURIComponent(site)}`);
      let changed = false;
      for (const p of snapshot.points) changed = take(p) || changed;
      if (changed || points.size === 0) onChange();
    } catch {
      // Offline as well: keep showing the last numbers with their "updated at" time.
    }
  };

  const startPolling = () => {
    poller ??= setInterval(poll, POLL_SECONDS * 1000);
  };
  const stopPolling = () => {
    if (poller) clearInterval(poller);
    poller = undefined;
  };

  let stopped = false;
  const onState = (connected: boolean) => {
    if (stopped) return;
    if (connected) {
      stopPolling();
      socket.emit("queue:subscribe", { site });
    } else startPolling();
    onChange();
  };
  const onConnect = () => onState(true);
  const onDisconnect = () => onState(false);
  const onQueue = (p: QueueEvent) => {
    if (!stopped && take(p)) onChange();
  };
  const socket = shared ?? connectLive(undefined, onState);
  if (shared) {
    shared.on("connect", onConnect);
    shared.on("disconnect", onDisconnect);
    if (shared.connected) onState(true);
  }
  socket.on("queue", onQueue);

  void poll();
  startPolling();
  return {
    points,
    live: () => socket.connected,
    stop() {
      stopped = true;
      stopPolling();
      socket.off("queue", onQueue);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      if (shared) socket.emit("queue:unsubscribe", { site });
      else socket.close();
    },
  };
}
