/** The only source of "now" inside AlphaPulse: live code gets the wall clock, replay a simulated one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; used by replay and tests. */
export class SimulatedClock implements Clock {
  private t: number;
  constructor(start: number) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  set(t: number): void {
    if (t < this.t) throw new Error(`simulated clock cannot go back from ${this.t} to ${t}`);
    this.t = t;
  }
}
