// First start of a store: the lead's access code, and the example site in an empty store.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Store } from "./store/index.ts";
import { newAccessCode } from "./store/codes.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import { createSite, type CreatedSite } from "./services/sites.ts";
import { applyLeadSetting } from "./services/codes.ts";
import type { Config } from "./config.ts";

export const EXAMPLE_SCENARIO = fileURLToPath(new URL("../examples/yiyuan.json", import.meta.url));

export interface Bootstrap {
  /** Set when this start made the lead's code: it is shown once, then only its digest is kept. */
  generatedLeadCode?: string;
  /** Set when TENFOLD_LEAD_CODE differed from the setting in force and replaced the lead's code. */
  leadCodeReplaced?: boolean;
  /** Set when this start loaded the example site. */
  seeded?: CreatedSite;
}

export function bootstrap(store: Store, config: Pick<Config, "leadCode" | "seed">, at: number): Bootstrap {
  const result: Bootstrap = {};
  if (config.leadCode) {
    // A changed TENFOLD_LEAD_CODE replaces the stored code and ends its tokens; the same setting
    // again leaves alone a code rotated since (`tenfold codes rotate lead`, the lead API).
    result.leadCodeReplaced = applyLeadSetting(store, config.leadCode, at);
  } else if (!store.codes.hasLead()) {
    result.generatedLeadCode = newAccessCode();
    store.codes.add(result.generatedLeadCode, { role: "lead", site: null, staff: null }, at);
  }
  if (config.seed && store.sites.count() === 0) {
    const checked = validateScenario(JSON.parse(readFileSync(EXAMPLE_SCENARIO, "utf8")));
    if (!checked.ok) throw new Error(`the example scenario is invalid: ${JSON.stringify(checked.problems)}`);
    result.seeded = createSite(store, checked.scenario, at);
  }
  return result;
}
