// How a queue status reads on the resident page: the word (from the i18n catalogue) and a colour
// class, after Shenzhen's bands (docs/domain.md "Queues"): 畅通 < 25 min, 忙碌 25–50, 拥堵 > 50.
import type { QueueStatus } from "./contract.ts";
import type { MessageKey } from "../i18n/index.ts";

export const STATUS_ORDER: QueueStatus[] = ["flowing", "busy", "jammed", "break", "closed"];

export function statusKey(status: QueueStatus): MessageKey {
  return `status.${status}` as MessageKey;
}

/** The CSS class that colours a status badge. */
export function statusClass(status: QueueStatus): string {
  return `st-${STATUS_ORDER.includes(status) ? status : "closed"}`;
}
