// The directory the pages start from (public), and a site's scenario as stored (lead).
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { directory } from "../services/directory.ts";

export function mountDirectory(app: Express, context: AppContext): void {
  app.get("/api/v1/directory", (_req, res) => {
    res.set("Cache-Control", "no-cache");
    res.json(directory(context));
  });

  app.get("/api/v1/sites/:site/scenario.json", allow(context, ["lead"]), (req, res) => {
    res.json(context.store.sites.get(params(req).site)!.scenario);
  });
}
