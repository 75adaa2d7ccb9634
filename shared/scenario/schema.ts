// The scenario format (docs/api.md "Scenario"): one TypeBox source gives both the JSON Schema
// that ajv validates and the TypeScript types the planner reads.
import { Type, type Static } from "@sinclair/typebox";

/** A closed list of values as one JSON Schema `enum`, so a refusal can list the allowed values. */
function OneOf<const T extends readonly (string | number)[]>(values: T) {
  return Type.Unsafe<T[number]>({ enum: [...values] });
}

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" });
/** ISO 8601 with an explicit offset, e.g. "2021-08-03T07:00:00+08:00". */
const Instant = Type.String({ format: "date-time", maxLength: 40 });

export const IntervalSchema = Type.Object(
  { start: Instant, end: Instant },
  { additionalProperties: false },
);

export const ROLES = ["sampler", "registrar", "marshal", "courier", "lead"] as const;
export const RoleSchema = OneOf(ROLES);

export const WORKLOADS = ["easy", "moderate", "hard"] as const;
const WorkloadSchema = OneOf(WORKLOADS);

export const POOL_SIZES = [1, 5, 10, 20] as const;

export const SHELTERS = ["open", "shade", "booth"] as const;

export const PointSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    desks: Type.Integer({ minimum: 0, maximum: 50 }),
    shelter: OneOf(SHELTERS),
    location: Type.Optional(
      Type.Object(
        { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BuildingSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    residents: Type.Integer({ minimum: 0, maximum: 100000 }),
    point: Id,
  },
  { additionalProperties: false },
);

export const WeatherHourSchema = Type.Object(
  {
    at: Instant,
    tempC: Type.Number({ minimum: -60, maximum: 60 }),
    humidity: Type.Number({ minimum: 0, maximum: 100 }),
    wbgt: Type.Optional(Type.Number({ minimum: -60, maximum: 60 })),
  },
  { additionalProperties: false },
);

export const StaffSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 5, uniqueItems: true }),
    available: Type.Array(IntervalSchema, { maxItems: 50 }),
    /** Pregnant workers and minors: no outdoor work on a day of 35 °C or more (2012 measures, art. 8). */
    noOutdoorHeat: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Minutes = (max: number) => Type.Integer({ minimum: 0, maximum: max });

export const RulesSchema = Type.Object(
  {
    slotMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    maxContinuousPpeMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 1440 })),
    ppeBreakMinutes: Type.Optional(Minutes(480)),
    maxWorkMinutesPerDay: Type.Optional(Type.Integer({ minimum: 30, maximum: 1440 })),
    mealBreakMinutes: Type.Optional(Minutes(240)),
    minRestBetweenShiftsMinutes: Type.Optional(Minutes(1440)),
    workload: Type.Optional(
      Type.Object(
        {
          sampler: Type.Optional(WorkloadSchema),
          registrar: Type.Optional(WorkloadSchema),
          marshal: Type.Optional(WorkloadSchema),
          courier: Type.Optional(WorkloadSchema),
          lead: Type.Optional(WorkloadSchema),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ScenarioSchema = Type.Object(
  {
    site: Type.Object(
      {
        id: Id,
        name: Type.String({ minLength: 1, maxLength: 200 }),
        timezone: Type.String({ minLength: 1, maxLength: 64 }),
        district: Type.Optional(Type.String({ maxLength: 200 })),
        city: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    windows: Type.Array(IntervalSchema, { minItems: 1, maxItems: 20 }),
    service: Type.Object(
      {
        swabSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 3600 }),
        attendance: Type.Number({ minimum: 0, maximum: 1 }),
      },
      { additionalProperties: false },
    ),
    pooling: Type.Object(
      {
        // Pools of 5, 10 and 20 are validated; 1 is single-tube sampling (docs/domain.md "Pooled sampling").
        poolSize: OneOf(POOL_SIZES),
        boxCapacity: Type.Integer({ minimum: 1, maximum: 10000 }),
        maxTubeAgeMinutes: Type.Integer({ minimum: 1, maximum: 2880 }),
        labTravelMinutes: Type.Integer({ minimum: 0, maximum: 2880 }),
        prevalence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      },
      { additionalProperties: false },
    ),
    targets: Type.Object(
      { maxWaitMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 1440 }) },
      { additionalProperties: false },
    ),
    desk: Type.Object(
      {
        sampler: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        registrar: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        marshal: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        courier: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        lead: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
      },
      { additionalProperties: false },
    ),
    heat: Type.Object(
      {
        clothing: Type.String({ minLength: 1, maxLength: 100 }),
        clothingAdjustmentC: Type.Number({ minimum: -5, maximum: 20 }),
        shadeReductionC: Type.Number({ minimum: 0, maximum: 20 }),
        acclimatized: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    // The largest scenario the server takes (docs/reliability.md "Security"): a district of 300
    // points, 5,000 buildings and 10,000 staff over up to 7 days; more is refused, not planned.
    points: Type.Array(PointSchema, { minItems: 1, maxItems: 300 }),
    buildings: Type.Array(BuildingSchema, { maxItems: 5000 }),
    weather: Type.Array(WeatherHourSchema, { minItems: 1, maxItems: 24 * 7 }),
    staff: Type.Array(StaffSchema, { maxItems: 10000 }),
    rules: Type.Optional(RulesSchema),
  },
  { additionalProperties: false, $id: "https://tenfold.example/schemas/scenario.json" },
);

export type Scenario = Static<typeof ScenarioSchema>;
export type Point = Static<typeof PointSchema>;
export type Building = Static<typeof BuildingSchema>;
export type WeatherHour = Static<typeof WeatherHourSchema>;
export type Staff = Static<typeof StaffSchema>;
export type Interval = Static<typeof IntervalSchema>;
export type Role = (typeof ROLES)[number];
export type Workload = (typeof WORKLOADS)[number];
export type Shelter = (typeof SHELTERS)[number];
export type Rules = Static<typeof RulesSchema>;
