// `npm run bench`: the project's speed figures as one JSON object on stdout.
import { benchPlanner } from "./planner.ts";
import { benchIngest, measurePushLatency } from "./ingest.ts";

const figures: Record<string, unknown> = { planner: benchPlanner() };
// Live operations (issue 5): desk-event ingestion, and swab → queue push latency.
figures.ingest = await benchIngest();
figures.push = [await measurePushLatency(1000), await measurePushLatency(5000)];
console.log(JSON.stringify(figures, null, 2));
// The bench's child processes and sockets are closed; nothing else should keep the process.
process.exit(0);
