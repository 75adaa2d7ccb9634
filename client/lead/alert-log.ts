// The lead's alerts for one site, complete (docs/api.md C5–C7): what the server kept is read on
// open and after every reconnect (`GET …/alerts?since=`), and live pushes are merged in by seq, so
// an alert sent while the page was closed or offline is listed all the same.
import { api } from "../common/api.ts";
import type { AlertEvent, AlertPage } from "../common/contract.ts";

export class AlertLog {
  private readonly bySeq = new Map<number, AlertEvent>();
  /** Pushes that came without a seq (the server could not store them): shown, not merged. */
  private readonly loose: AlertEvent[] = [];
  private last = 0;

  constructor(
    readonly site: string,
    private readonly token: string,
  ) {}

  /** Every alert known, oldest first. */
  list(): AlertEvent[] {
    return [...this.bySeq.values(), ...this.loose].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.seq ?? 0) - (b.seq ?? 0));
  }

  /** Takes a push; false when it is another site's or already known. */
  take(alert: AlertEvent): boolean {
    if (alert.site !== this.site) return false;
    if (alert.seq === undefined) return this.loose.push(alert) > 0;
    if (this.bySeq.has(alert.seq)) return false;
    this.bySeq.set(alert.seq, alert);
    return true;
  }

  /** Fetches what the server kept after the last seq read; true when anything new came. */
  async catchUp(): Promise<boolean> {
    let added = false;
    for (;;) {
      const page = await api<AlertPage>(`/api/v1/sites/${encodeURIComponent(this.site)}/alerts?since=${this.last}`, { token: this.token });
      for (const a of page.alerts) added = this.take(a) || added;
      this.last = Math.max(this.last, page.last);
      if (!page.more) return added;
    }
  }
}
