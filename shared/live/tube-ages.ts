// The tube list the lead's board reads (`GET /api/v1/sites/:site/tubes`): one shape for the server
// that answers and the page that shows it. No resident ids: how many swabs a tube holds, not whose.
export type TubeListState = "open" | "sealed" | "boxed" | "dispatched";

export interface TubeAge {
  id: string;
  point: string;
  desk: number;
  state: TubeListState;
  swabs: number;
  /** ISO 8601; null while the tube holds no swab (its age has not started). */
  firstSwabAt: string | null;
  /** Whole minutes since the first swab, by the server's clock; null with no swab. */
  ageMinutes: number | null;
  /** ISO 8601: the latest it may leave for the lab and still arrive within the age limit. */
  sendBy: string | null;
  box?: string;
}

export interface TubeAges {
  /** The server's clock (ISO 8601) the ages are counted to. */
  now: string;
  maxTubeAgeMinutes: number;
  labTravelMinutes: number;
  /** maxTubeAgeMinutes − labTravelMinutes: a tube older than this cannot reach the lab in time. */
  sendWithinMinutes: number;
  /** From this age on a tube is flagged (the ticker's `tube-age` alert comes at the same age). */
  warnFromMinutes: number;
  tubes: TubeAge[];
}
