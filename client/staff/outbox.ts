// The desk's offline outbox (docs/api.md C6, docs/domain.md "Lessons from failures"): every desk event is
// written to the phone first, with its own id, then sent in batches; a resend after a lost answer
// comes back "duplicate", so nothing is lost and nothing is counted twice.
import { api, ApiError, OfflineError } from "../common/api.ts";

import type { DeskEvent, DeskEventResult, DeskEventType } from "../../shared/live/shapes.ts";

export type { DeskEvent, DeskEventResult, DeskEventType };

export interface Refusal {
  event: DeskEvent;
  error: string;
}

interface Saved {
  pending: DeskEvent[];
  refused: Refusal[];
  lastSync?: number;
}

const BATCH = 200;

/** A stable, unguessable event id; made once, when the event is recorded. */
export function newEventId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Plain http on a LAN is not a secure context, and randomUUID is missing there.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class Outbox {
  private saved: Saved;
  private sending: Promise<void> | undefined;
  online = true;

  constructor(
    private readonly key: string,
    private readonly site: string,
    private readonly token: () => string,
    private readonly onChange: () => void,
  ) {
    this.saved = load(key);
  }

  get pending(): readonly DeskEvent[] {
    return this.saved.pending;
  }

  get refused(): readonly Refusal[] {
    return this.saved.refused;
  }

  get lastSync(): number | undefined {
    return this.saved.lastSync;
  }

  /** Records an event on the phone, then tries to send it. */
  add(event: DeskEvent): void {
    this.saved.pending.push(event);
    this.save();
    void this.flush();
  }

  /** Sends what is pending, one batch at a time; a second call while sending joins the first. */
  flush(): Promise<void> {
    return (this.sending ??= this.send().finally(() => (this.sending = undefined)));
  }

  private async send(): Promise<void> {
    while (this.saved.pending.length) {
      const batch = this.saved.pending.slice(0, BATCH);
      let results: DeskEventResult[];
      try {
        ({ results } = await api<{ results: DeskEventResult[] }>(`/api/v1/sites/${encodeURIComponent(this.site)}/desk-events`, {
          body: { events: batch },
          token: this.token(),
        }));
        this.online = true;
      } catch (err) {
        // Offline or the server down (5xx): keep everything and try again later.
        if (err instanceof OfflineError || (err instanceof ApiError && err.status >= 500)) this.online = false;
        else if (err instanceof ApiError && err.status === 400) this.refuseAll(batch, err.message);
        this.onChange();
        return;
      }
      const done = new Map(results.map((r) => [r.id, r]));
      this.saved.pending = this.saved.pending.filter((e) => {
        const r = done.get(e.id);
        if (!r) return true;
        if (r.status === "rejected") this.saved.refused.push({ event: e, error: errorText(r.error) });
        return false;
      });
      this.saved.lastSync = Date.now();
      this.save();
      if (batch.every((e) => !done.has(e.id))) return; // the server answered none of them: no busy loop
    }
  }

  private refuseAll(batch: DeskEvent[], error: string): void {
    const ids = new Set(batch.map((e) => e.id));
    this.saved.pending = this.saved.pending.filter((e) => !ids.has(e.id));
    for (const event of batch) this.saved.refused.push({ event, error });
    this.save();
  }

  private save(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.saved));
    } catch {
      // A full storage still leaves the events in memory for this visit.
    }
    this.onChange();
  }
}

function errorText(error: DeskEventResult["error"]): string {
  return error ? error.message || error.code : "rejected";
}

function load(key: string): Saved {
  try {
    const raw = localStorage.getItem(key);
    const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : {};
    return { pending: saved.pending ?? [], refused: saved.refused ?? [], lastSync: saved.lastSync };
  } catch {
    return { pending: [], refused: [] };
  }
}
