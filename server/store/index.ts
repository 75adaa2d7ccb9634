// The store: one SQLite file and one module per aggregate over it.
import { openDatabase, type Db } from "./db.ts";
import { SiteStore } from "./sites.ts";
import { CodeStore } from "./codes.ts";
import { MetaStore } from "./meta.ts";
import { PlanStore } from "./plans.ts";
import { TubeStore } from "./tubes.ts";
import { BoxStore } from "./boxes.ts";
import { QueueCountStore } from "./queue-counts.ts";
import { SwapStore } from "./swaps.ts";
import { AlertStore } from "./alerts.ts";

export interface Store {
  db: Db;
  sites: SiteStore;
  codes: CodeStore;
  meta: MetaStore;
  plans: PlanStore;
  tubes: TubeStore;
  boxes: BoxStore;
  queue: QueueCountStore;
  swaps: SwapStore;
  alerts: AlertStore;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return {
    db,
    sites: new SiteStore(db),
    codes: new CodeStore(db),
    meta: new MetaStore(db),
    plans: new PlanStore(db),
    tubes: new TubeStore(db),
    boxes: new BoxStore(db),
    queue: new QueueCountStore(db),
    swaps: new SwapStore(db),
    alerts: new AlertStore(db),
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
