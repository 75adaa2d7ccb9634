// The public answers and pushes the pages read (PRODUCT.md "Public contract"): the Socket.IO event
// map is the one in shared/live/events.ts; the HTTP answers the pages need are typed here.
export type {
  QueueStatus,
  QueuePoint,
  QueueEvent,
  CallEvent,
  RotationEvent,
  AlertEvent,
  ServerToClientEvents,
  ClientToServerEvents,
} from "../../shared/live/events.ts";
import type { QueuePoint } from "../../shared/live/events.ts";

/** `GET /api/v1/queue?site=ID`. */
export interface QueueSnapshot {
  points: (QueuePoint & { seq?: number })[];
}

/** `POST /api/v1/login`. */
export interface LoginAnswer {
  token: string;
  role: "lead" | "staff" | "lab";
  site?: string;
  staff?: string;
}

/** One swap in `GET /api/v1/sites/:site/swaps` (lead: all; staff: those naming them). */
export interface Swap {
  id: string;
  assignment: string;
  from: string;
  to: string;
  state: "proposed" | "accepted" | "approved" | "rejected";
  reason?: string;
}
