// The public answers and pushes the pages read docs/api.md: the Socket.IO event
// map is the one in shared/live/events.ts; the HTTP answers the pages need are typed here.
export type {
  QueueStatus,
  QueuePoint,
  QueueEvent,
  CallEvent,
  RotationEvent,
  AlertEvent,
  SwapEvent,
  SwapView,
  ServerToClientEvents,
  ClientToServerEvents,
} from "../../shared/live/events.ts";
import type { QueuePoint, SwapView } from "../../shared/live/events.ts";

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
  /** A staff member's name from the roster. */
  name?: string;
}

/** One swap in `GET /api/v1/sites/:site/swaps` (lead: all; staff: those naming them); `swap` pushes carry the same. */
export type Swap = SwapView;

/** `GET /api/v1/sites/:site/alerts?since=SEQ` (lead); `GET …/retests` lists `Retest`s. */
export type { AlertPage, Retest } from "../../shared/live/shapes.ts";

/** `GET /api/v1/sites/:site/tubes` (lead, lab). */
export type { TubeAge, TubeAges } from "../../shared/live/tube-ages.ts";
