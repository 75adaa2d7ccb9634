// The HTTP API under /api/v1 (PRODUCT.md "Public contract"): each router is one area.
import type { Express } from "express";
import type { AppContext } from "../app.ts";
import { scenarioJsonSchema } from "../../shared/scenario/validate.ts";

export function mountApi(app: Express, _context: AppContext): void {
  // The published JSON Schema of the scenario format (C1), for editors and other tools.
  app.get("/api/v1/schema/scenario.json", (_req, res) => {
    res.json(scenarioJsonSchema);
  });
}
