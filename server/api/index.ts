// The HTTP API under /api/v1 docs/api.md: each router is one area.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { scenarioJsonSchema } from "../../shared/scenario/validate.ts";
import { mountAuth } from "./auth.ts";
import { mountSites } from "./sites.ts";
import { mountDesk } from "./desk.ts";
import { mountLab } from "./lab.ts";
import { mountRotation } from "./rotation.ts";
import { mountDirectory } from "./directory.ts";
import { mountPages } from "./pages.ts";
import { mountExports } from "./exports.ts";
import { mountRoster } from "./roster.ts";
import { mountAlerts } from "./alerts.ts";
import { mountPosters } from "./posters.ts";
import { mountCodes } from "./codes.ts";

export function mountApi(app: Express, context: AppContext): void {
  // The published JSON Schema of the scenario format (C1), for editors and other tools.
  app.get("/api/v1/schema/scenario.json", (_req, res) => {
    res.json(scenarioJsonSchema);
  });
  mountAuth(app, context);
  mountSites(app, context);
  mountDesk(app, context);
  mountLab(app, context);
  mountRotation(app, context);
  // mountQueue: mounted by app.ts ahead of the other middleware (the public snapshot's fast path).
  mountDirectory(app, context);
  mountPages(app, context);
  mountExports(app, context);
  mountRoster(app, context);
  mountAlerts(app, context);
  mountPosters(app, context);
  mountCodes(app, context);
}
