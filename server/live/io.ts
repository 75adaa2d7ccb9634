// The typed Socket.IO server and socket (docs/api.md C7, C8): the event maps of
// shared/live/events.ts, the events nodes send each other, and what a socket carries once signed in.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from "../../shared/live/events.ts";
import type { ErrorBody } from "../../shared/live/shapes.ts";
import type { TokenClaims } from "../auth/tokens.ts";

/** What a socket carries after the handshake: the account of a signed-in socket. */
export interface SocketData {
  account?: TokenClaims;
}

/** Server-to-server: "this point's line changed" (site, point). */
export const QUEUE_CHANGED = "tenfold:queue-changed";
/** Server-to-server: "you who hold this site, what are these points' states now?" */
export const QUEUE_CURRENT = "tenfold:queue-current";

/** Server-to-server, from a node holding the site: "this point's line is now this" (a push it made). */
export const QUEUE_STATE = "tenfold:queue-state";
/** Server-to-server, from a relaying node: "my sockets follow these points" (site → points), every few seconds. */
export const QUEUE_FOLLOW = "tenfold:queue-follow";

/** A holder's answer to QUEUE_CURRENT; null from a node that does not hold the site. */
export type HolderAnswer = { ok: true; points: QueueEvent[] } | { ok: false; error: ErrorBody } | null;

/** What nodes of a cluster say to each other (live/redis.ts). */
export interface InterServerEvents {
  [QUEUE_CHANGED]: (site: string, point: string) => void;
  /** `follow`: the asker's sockets will follow these points (a subscribe, not a snapshot). */
  [QUEUE_CURRENT]: (request: { site: string; points?: string[]; follow?: boolean }, answer: (answer: HolderAnswer) => void) => void;
  [QUEUE_STATE]: (state: QueueEvent) => void;
  [QUEUE_FOLLOW]: (follows: Record<string, string[]>) => void;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
