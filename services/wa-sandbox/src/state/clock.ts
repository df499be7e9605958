/** The sandbox's notion of now; tests move it forward (windows, media URLs) or hold it still. */
export class SandboxClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Stops time, so that "within one second" holds however slow the machine is. */
  freeze(): void {
    this.frozenAt = this.now();
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }
}
