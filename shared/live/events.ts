// The Socket.IO event map docs/api.md: one typed interface that the server and
// the pages both import, so an event's name and fields cannot drift apart.
import type { Assignment } from "../plan/types.ts";
import type { AlertEvent, QueueSubscribeAck, QueueSubscribeRequest, SwapState } from "./shapes.ts";

export type { AlertEvent, AlertKind, QueueSubscribeAck, QueueSubscribeRequest, SwapState } from "./shapes.ts";

export type QueueStatus = "flowing" | "busy" | "jammed" | "break" | "closed";

/** One point's line as residents see it: no personal data. */
export interface QueuePoint {
  site: string;
  point: string;
  name: string;
  status: QueueStatus;
  length: number;
  waitMinutes: number;
  desksOpen: number;
  /** ISO 8601. */
  updatedAt: string;
}

/** A `queue` push: the point's state and its sequence number (per point, rising). */
export interface QueueEvent extends QueuePoint {
  seq: number;
}

export type RotationReason = "connect" | "publish" | "swap" | "unwell" | "replan";

/** A `rotation` push: all of one staff member's assignments in the plan in force. */
export interface RotationEvent {
  site: string;
  staff: string;
  plan: string;
  revision: number;
  reason: RotationReason;
  assignments: Assignment[];
}

export type CallReason = "rotation" | "tubes" | "relief";

/** A `call`: go to point P desk D now. */
export interface CallEvent {
  site: string;
  staff: string;
  point: string;
  desk: number;
  /** ISO 8601: when they are due. */
  at: string;
  reason: CallReason;
  assignment?: string;
  message: string;
}

/** The assignment a swap moves, so the person asked can judge it without the whole plan. */
export interface SwapShift {
  role: string;
  activity: string;
  start: string;
  end: string;
  point?: string;
  desk?: number;
}

/** One swap, as `GET …/swaps` lists it and the `swap` push carries it. */
export interface SwapView {
  id: string;
  assignment: string;
  from: string;
  to: string;
  /** Display names from the roster (staff see colleagues' names on their own swaps only). */
  fromName?: string;
  toName?: string;
  state: SwapState;
  reason?: string;
  shift?: SwapShift;
}

/** A `swap` push: to the proposer, the person asked and the lead, at each step of a swap. */
export interface SwapEvent extends SwapView {
  site: string;
  /** ISO 8601: when this step happened. */
  at: string;
}

export interface ServerToClientEvents {
  queue: (event: QueueEvent) => void;
  rotation: (event: RotationEvent) => void;
  call: (event: CallEvent) => void;
  alert: (event: AlertEvent) => void;
  swap: (event: SwapEvent) => void;
}

export interface ClientToServerEvents {
  "queue:subscribe": (request: QueueSubscribeRequest, ack?: (reply: QueueSubscribeAck) => void) => void;
  "queue:unsubscribe": (request: QueueSubscribeRequest, ack?: (reply: QueueSubscribeAck) => void) => void;
}
