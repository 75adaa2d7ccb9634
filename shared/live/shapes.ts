// The shapes of the HTTP and Socket.IO API (docs/api.md "HTTP", "Socket.IO"), one TypeBox schema
// each: the server validates input with them (ajv) and both the server and the pages take their
// TypeScript types from them, so a shape is declared once.
import { Type, type Static } from "@sinclair/typebox";

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" });
const Instant = Type.String({ format: "date-time", maxLength: 40 });

export const LoginBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const DESK_EVENT_TYPES = ["tube.open", "swab", "tube.seal"] as const;

export const DeskEvent = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    type: Type.Unsafe<(typeof DESK_EVENT_TYPES)[number]>({ enum: [...DESK_EVENT_TYPES] }),
    at: Instant,
    point: Id,
    desk: Type.Integer({ minimum: 1, maximum: 200 }),
    tube: Id,
    resident: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** A swab's building (the desk pre-fills the one being called) and unit, for per-building progress and re-tests at home. */
    building: Type.Optional(Id),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
);

export type DeskEventType = (typeof DESK_EVENT_TYPES)[number];
/** A desk event: a tube opened, a swab, a tube sealed (docs/api.md C6). */
export type DeskEvent = Static<typeof DeskEvent>;

/** What went wrong with a request: an HTTP error body, a refused desk event, a refused socket request. */
export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), path: Type.Optional(Type.String()) });
export type ErrorBody = Static<typeof ErrorBody>;

/** One desk event's outcome, in the order sent. */
export const DeskEventResult = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal("applied"), Type.Literal("duplicate"), Type.Literal("rejected")]),
  error: Type.Optional(ErrorBody),
  /** Applied, but worth a second look: e.g. the resident is in another open tube too. */
  flag: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), tubes: Type.Optional(Type.Array(Type.String())) })),
});
export type DeskEventResult = Static<typeof DeskEventResult>;

/** The batch envelope; each event is checked on its own so one bad event never drops the others. */
export const DeskEventBatch = Type.Object(
  { events: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

export const BoxBody = Type.Object(
  { id: Id, tubes: Type.Array(Id, { minItems: 1, maxItems: 10000, uniqueItems: true }) },
  { additionalProperties: false },
);

export const ResultBody = Type.Object(
  { tube: Id, result: Type.Unsafe<"negative" | "positive" | "invalid">({ enum: ["negative", "positive", "invalid"] }) },
  { additionalProperties: false },
);

export const QueueReportBody = Type.Object(
  {
    /** Optional, chosen by the phone: a report resent with the same id is counted once. */
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9_.:-]+$" })),
    arrivals: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    headcount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SwapBody = Type.Object({ assignment: Type.String({ minLength: 1, maxLength: 100 }), to: Id }, { additionalProperties: false });

export const SwapDecisionBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const UnwellBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object(
  { swapAfterTubes: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]) },
  { additionalProperties: false },
);

/** `?since=SEQ`: alerts after this one (0 or none: all). */
export const AlertsQuery = Type.Object(
  { since: Type.Optional(Type.String({ pattern: "^[0-9]{1,12}$" })) },
  { additionalProperties: false },
);

export const TUBE_LIST_STATES = ["open", "sealed", "boxed", "dispatched"] as const;

/** `?state=open,sealed`: one or more of the states before the lab, comma-separated; none: all four. */
export const TubesQuery = Type.Object(
  { state: Type.Optional(Type.String({ pattern: `^(${TUBE_LIST_STATES.join("|")})(,(${TUBE_LIST_STATES.join("|")})){0,3}$` })) },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object({ site: Id }, { additionalProperties: true });

export const QueueSubscribe = Type.Object(
  // What one subscribe sends is bounded: a lead's board at most 300 points, anyone else 50
  // (server/live/index.ts); the schema stops anything longer before it is looked at.
  { site: Id, points: Type.Optional(Type.Array(Id, { maxItems: 300 })) },
  { additionalProperties: false },
);
/** `queue:subscribe` and `queue:unsubscribe`: a site, and its points (none: all of them). */
export type QueueSubscribeRequest = Static<typeof QueueSubscribe>;
/** Their acknowledgement: the points joined or left, or why not. */
export const QueueSubscribeAck = Type.Union([
  Type.Object({ ok: Type.Literal(true), points: Type.Array(Type.String()) }),
  Type.Object({ ok: Type.Literal(false), error: ErrorBody }),
]);
export type QueueSubscribeAck = Static<typeof QueueSubscribeAck>;

export const SWAP_STATES = ["proposed", "accepted", "approved", "rejected"] as const;
export const SwapState = Type.Union(SWAP_STATES.map((s) => Type.Literal(s)));
/** A swap's step (docs/api.md C5): proposed by one, accepted by the other, approved or rejected by the lead. */
export type SwapState = (typeof SWAP_STATES)[number];

export const ALERT_KINDS = ["gap", "unwell", "tube-age", "positive", "heat", "resident-two-tubes", "swap", "building"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An `alert` to the lead; the same shape in `GET /api/v1/sites/:site/alerts`. Details ride along. */
export const AlertEvent = Type.Object(
  {
    site: Type.String(),
    /** Rising per site, from 1: a page that missed pushes asks for those after the last it holds. */
    seq: Type.Optional(Type.Integer()),
    kind: Type.Union(ALERT_KINDS.map((k) => Type.Literal(k))),
    /** In English; `text` and `params` give it in any language (shared/live/alert-texts.ts). */
    message: Type.String(),
    text: Type.Optional(Type.String()),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** ISO 8601. */
    at: Type.String(),
  },
  { additionalProperties: true },
);
export type AlertEvent = Static<typeof AlertEvent> & { [detail: string]: unknown };

/** `GET /api/v1/sites/:site/alerts?since=SEQ` (lead). */
export const AlertPage = Type.Object({
  alerts: Type.Array(AlertEvent),
  /** The seq of the last alert listed, or `since` when none: the next `?since=`. */
  last: Type.Integer(),
  more: Type.Boolean(),
});
export type AlertPage = { alerts: AlertEvent[]; last: number; more: boolean };

/** One resident of a positive pool to re-swab (docs/domain.md "Pooled sampling": alone, at home). */
export const Retest = Type.Object({
  tube: Type.String(),
  point: Type.String(),
  resident: Type.String(),
  method: Type.Literal("single-tube"),
  where: Type.Literal("door-to-door"),
  /** The grid served by the point where the pool was taken; its three-person group goes. */
  grid: Type.String(),
  team: Type.String(),
  /** Where the resident lives, as the desk recorded it: the grid team goes to this door. */
  building: Type.Optional(Type.String()),
  unit: Type.Optional(Type.String()),
  /** ISO 8601. */
  positiveAt: Type.String(),
});
export type Retest = Static<typeof Retest>;

/** An empty body (or none) for action endpoints such as publish and dispatch. */
export const EmptyBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
