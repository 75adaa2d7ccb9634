// The input shapes of the live API docs/api.md, one TypeBox schema each.
import { Type } from "@sinclair/typebox";

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
  },
  { additionalProperties: false },
);

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
  // At most MAX_POINTS_PER_SUBSCRIBE (live/index.ts): what one subscribe sends is bounded.
  { site: Id, points: Type.Optional(Type.Array(Id, { maxItems: 50 })) },
  { additionalProperties: false },
);

/** An empty body (or none) for action endpoints such as publish and dispatch. */
export const EmptyBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
