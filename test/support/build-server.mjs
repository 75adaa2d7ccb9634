// Mocha's global setup (.mocharc.json): builds dist/server from the sources under test first, so
// the tests that start `bin/tenfold.mjs` (the command, the child-process servers) run the compiled
// server as `npm start` does, and never one left over from older sources.
import { buildServer } from "../../server/build.mjs";

export async function mochaGlobalSetup() {
  await buildServer();
}
