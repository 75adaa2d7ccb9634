// Rotation changes during the day (docs/api.md C5): swaps and "I feel unwell".
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params, requireSelfOrLead } from "../auth/guard.ts";
import { EmptyBody, SwapBody, SwapDecisionBody, UnwellBody } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { acceptSwap, approveSwap, listSwaps, proposeSwap, rejectSwap } from "../services/swaps.ts";
import { reportUnwell } from "../services/unwell.ts";
import { requestRelief } from "../services/relief.ts";

const swapBody = validator(SwapBody);
const decisionBody = validator(SwapDecisionBody);
const unwellBody = validator(UnwellBody);
const emptyBody = validator(EmptyBody);

export function mountRotation(app: Express, context: AppContext): void {
  const staff = allow(context, ["staff"]);
  const lead = allow(context, ["lead"]);

  app.post("/api/v1/sites/:site/swaps", staff, (req, res) => {
    res.status(201).json(proposeSwap(context, params(req).site, swapBody.parse(req.body), req.account!));
  });

  app.get("/api/v1/sites/:site/swaps", allow(context, ["lead", "staff"]), (req, res) => {
    res.json(listSwaps(context, params(req).site, req.account!));
  });

  app.post("/api/v1/sites/:site/swaps/:swap/accept", staff, (req, res) => {
    emptyBody.parse(req.body ?? null);
    res.json(acceptSwap(context, params(req).site, params(req).swap, req.account!));
  });

  app.post("/api/v1/sites/:site/swaps/:swap/approve", lead, (req, res) => {
    emptyBody.parse(req.body ?? null);
    res.json(approveSwap(context, params(req).site, params(req).swap));
  });

  app.post("/api/v1/sites/:site/swaps/:swap/reject", lead, (req, res) => {
    const { reason } = decisionBody.parse(req.body ?? {});
    res.json(rejectSwap(context, params(req).site, params(req).swap, reason));
  });

  app.post("/api/v1/sites/:site/staff/:staff/relief", allow(context, ["lead", "staff"]), (req, res) => {
    requireSelfOrLead(req.account!, params(req).staff);
    emptyBody.parse(req.body ?? null);
    res.json(requestRelief(context, params(req).site, params(req).staff));
  });

  app.post("/api/v1/sites/:site/staff/:staff/unwell", allow(context, ["lead", "staff"]), (req, res) => {
    requireSelfOrLead(req.account!, params(req).staff);
    const { reason } = unwellBody.parse(req.body ?? {});
    res.json(reportUnwell(context, params(req).site, params(req).staff, reason));
  });
}
