#!/usr/bin/env node
// The `tenfold` command: the compiled server (dist/server/cli.js, built at `npm install` by
// server/build.mjs) when it is there; otherwise, or with TENFOLD_FROM_SOURCE=1 while changing the
// server, the TypeScript sources through tsx.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/server/cli.js", import.meta.url);
let main;
if (process.env.TENFOLD_FROM_SOURCE !== "1" && existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../server/cli.ts"));
}
process.exitCode = await main(process.argv.slice(2));
