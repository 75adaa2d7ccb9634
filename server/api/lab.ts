// Boxes, the lab and results (docs/api.md C6): pack, dispatch, receive, results, re-tests, tubes
// (one with its swabs and custody, or the list on the way to the lab with their ages).
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { BoxBody, EmptyBody, ResultBody, TUBE_LIST_STATES, TubesQuery } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { dispatchBox, packBox, receiveBox } from "../services/boxes.ts";
import { postResult, retests, tubeView } from "../services/lab.ts";
import { tubeAges, type TubeListState } from "../services/tube-ages.ts";

const boxBody = validator(BoxBody);
const resultBody = validator(ResultBody);
const emptyBody = validator(EmptyBody);
const tubesQuery = validator(TubesQuery);

export function mountLab(app: Express, context: AppContext): void {
  const staff = allow(context, ["staff"]);
  const lab = allow(context, ["lab"]);
  const leadOrLab = allow(context, ["lead", "lab"]);

  app.post("/api/v1/sites/:site/boxes", staff, (req, res) => {
    res.status(201).json(packBox(context, params(req).site, boxBody.parse(req.body), req.account!));
  });

  app.post("/api/v1/sites/:site/boxes/:box/dispatch", staff, (req, res) => {
    emptyBody.parse(req.body ?? null);
    res.json(dispatchBox(context, params(req).site, params(req).box, req.account!));
  });

  app.post("/api/v1/sites/:site/boxes/:box/receive", lab, (req, res) => {
    emptyBody.parse(req.body ?? null);
    res.json(receiveBox(context, params(req).site, params(req).box));
  });

  app.post("/api/v1/sites/:site/results", lab, (req, res) => {
    res.json(postResult(context, params(req).site, resultBody.parse(req.body)));
  });

  app.get("/api/v1/sites/:site/retests", leadOrLab, (req, res) => {
    res.json(retests(context, params(req).site));
  });

  app.get("/api/v1/sites/:site/tubes", leadOrLab, (req, res) => {
    const { state } = tubesQuery.parse({ ...req.query });
    const states = state ? ([...new Set(state.split(","))] as TubeListState[]) : TUBE_LIST_STATES;
    res.set("Cache-Control", "no-store");
    res.json(tubeAges(context, params(req).site, states));
  });

  app.get("/api/v1/sites/:site/tubes/:tube", leadOrLab, (req, res) => {
    res.json(tubeView(context, params(req).site, params(req).tube));
  });
}
