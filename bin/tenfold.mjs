#!/usr/bin/env node
// The `tenfold` command: TypeScript sources run through tsx, so a fresh clone needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli.ts");
process.exitCode = await main(process.argv.slice(2));
