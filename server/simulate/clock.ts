// A clock that runs N times faster than the wall, from a chosen start: a simulated day at 60×.
import type { Clock } from "../../shared/clock.ts";

export class ScaledClock implements Clock {
  private readonly wallStart = Date.now();

  constructor(
    private readonly start: number,
    readonly speed: number,
  ) {}

  now(): number {
    return this.start + (Date.now() - this.wallStart) * this.speed;
  }

  /** Wall milliseconds until the clock shows `at`. */
  wallUntil(at: number): number {
    return Math.max(0, (at - this.now()) / this.speed);
  }
}
