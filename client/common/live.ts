// The Socket.IO connection of a page (docs/api.md C7, C8): same origin, the token in `auth`, typed
// by the shared event map, and a flag the page shows so nobody trusts a stale number unawares.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "./contract.ts";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the page's socket; `onState` hears every connect and disconnect. */
export function connectLive(token: string | undefined, onState: (connected: boolean) => void): LiveSocket {
  const socket: LiveSocket = io({
    auth: token ? { token } : {},
    // WebSocket first: a cheap phone on a busy cell is better off without the long-poll upgrade.
    transports: ["websocket", "polling"],
    reconnectionDelayMax: 10000,
  });
  socket.on("connect", () => onState(true));
  socket.on("disconnect", () => onState(false));
  socket.on("connect_error", () => onState(false));
  return socket;
}
