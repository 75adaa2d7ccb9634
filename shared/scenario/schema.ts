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

// `community` and `police` are the grid team's community worker and police officer (docs/domain.md
// "Home sampling"); the team's medic is a `sampler`.
export const ROLES = ["sampler", "registrar", "marshal", "courier", "lead", "community", "police"] as const;
export const RoleSchema = OneOf(ROLES);

export const WORKLOADS = ["easy", "moderate", "hard"] as const;
const WorkloadSchema = OneOf(WORKLOADS);

export const POOL_SIZES = [1, 5, 10, 20] as const;

export const SHELTERS = ["open", "shade", "booth"] as const;

/** What staff wear over their clothes (docs/domain.md "Heat", "Clothing adjustment"). */
export const GARMENTS = ["coverall", "gown", "workclothes"] as const;
const GarmentSchema = OneOf(GARMENTS);

/** The heat standards a site may work to (docs/domain.md "Heat": "GBZ 2.2-2007", "TB MED 507"). */
export const HEAT_STANDARDS = ["gbz2.2", "tbmed507"] as const;

/** A place in degrees, north and east positive; it gives the sun its elevation. */
export const LocationSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

export const PointSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    desks: Type.Integer({ minimum: 0, maximum: 50 }),
    shelter: OneOf(SHELTERS),
    location: Type.Optional(LocationSchema),
    /** The garment worn at this point; default `heat.garment`. */
    garment: Type.Optional(GarmentSchema),
    /** Air temperature inside a booth, °C (default 26). */
    indoorTempC: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
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
    /** Wind at 2 m, m/s (default 1.0). */
    windMs: Type.Optional(Type.Number({ minimum: 0, maximum: 75 })),
    /** Cloud fraction 0–1 (default 0). */
    cloud: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Global horizontal irradiance, W/m²; wins over the clear-sky estimate. */
    solarWm2: Type.Optional(Type.Number({ minimum: 0, maximum: 1500 })),
    /** Station pressure, hPa (default 1010). */
    pressureHpa: Type.Optional(Type.Number({ minimum: 300, maximum: 1100 })),
    wbgt: Type.Optional(Type.Number({ minimum: -60, maximum: 60 })),
  },
  { additionalProperties: false },
);

export const StaffSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
    available: Type.Array(IntervalSchema, { maxItems: 50 }),
    /** Pregnant workers and minors: no outdoor work on a day of 35 °C or more (2012 measures, art. 8). */
    noOutdoorHeat: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const HOME_VISIT_REASONS = ["isolated", "immobile"] as const;

/**
 * A household sampled at its door (docs/domain.md "Home sampling"): `isolated` (home isolation:
 * one tube a person, never pooled with others) or `immobile` (cannot come down: may share pooled
 * tubes with other immobile households). Label, phone and notes are personal: only the lead and the
 * team that visits see them.
 */
export const HomeVisitSchema = Type.Object(
  {
    id: Id,
    building: Id,
    /** Unit or room, as the team finds the door, e.g. "2-502". */
    label: Type.String({ minLength: 1, maxLength: 100 }),
    floor: Type.Optional(Type.Integer({ minimum: -5, maximum: 150 })),
    // A household, not a building: more than 30 people at one door is a typing mistake.
    people: Type.Integer({ minimum: 1, maximum: 30 }),
    reason: OneOf(HOME_VISIT_REASONS),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** A grid's three-person team (三人小组): its staff and the buildings whose households it visits. */
export const TeamSchema = Type.Object(
  {
    id: Id,
    staff: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    buildings: Type.Array(Id, { minItems: 1, maxItems: 500 }),
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
    homeVisitMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    stairMinutesPerFloor: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    walkBetweenBuildingsMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    workload: Type.Optional(
      Type.Object(
        {
          sampler: Type.Optional(WorkloadSchema),
          registrar: Type.Optional(WorkloadSchema),
          marshal: Type.Optional(WorkloadSchema),
          courier: Type.Optional(WorkloadSchema),
          lead: Type.Optional(WorkloadSchema),
          community: Type.Optional(WorkloadSchema),
          police: Type.Optional(WorkloadSchema),
        },
        { additionalProperties: false },
      ),
    ),
    heatStandard: Type.Optional(OneOf(HEAT_STANDARDS)),
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
        /** Where the sun is taken for points with no location of their own. */
        location: Type.Optional(LocationSchema),
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
        /** A free description (older scenarios); the adjustment follows `garment`. */
        clothing: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        /** The site's default garment (default coverall). */
        garment: Type.Optional(GarmentSchema),
        /** Whether a hood is worn (default: with a coverall, yes). */
        hood: Type.Optional(Type.Boolean()),
        /** GBZ 2.2's note: +1 °C where the summer outdoor design temperature is ≥ 30 °C. */
        hotRegion: Type.Optional(Type.Boolean()),
        /** Older scenarios: taken as the default garment's adjustment, with a warning. */
        clothingAdjustmentC: Type.Optional(Type.Number({ minimum: -5, maximum: 20 })),
        /** Older scenarios: ignored (the sun model gives shade its own WBGT), with a warning. */
        shadeReductionC: Type.Optional(Type.Number({ minimum: 0, maximum: 20 })),
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
    homeVisits: Type.Optional(Type.Array(HomeVisitSchema, { maxItems: 5000 })),
    teams: Type.Optional(Type.Array(TeamSchema, { maxItems: 300 })),
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
export type HomeVisit = Static<typeof HomeVisitSchema>;
export type Team = Static<typeof TeamSchema>;
export type Role = (typeof ROLES)[number];
export type Workload = (typeof WORKLOADS)[number];
export type Shelter = (typeof SHELTERS)[number];
export type Rules = Static<typeof RulesSchema>;
export type Garment = (typeof GARMENTS)[number];
export type HeatStandard = (typeof HEAT_STANDARDS)[number];
export type Location = Static<typeof LocationSchema>;
