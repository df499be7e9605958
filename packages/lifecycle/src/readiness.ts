export type HealthCheck = () => Promise<boolean> | boolean;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, boolean>;
}

/** Whether the service should get traffic: every dependency answers and it is not stopping. */
export class Readiness {
  private stopping = false;

  constructor(private readonly checks: Record<string, HealthCheck>) {}

  markNotReady(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ready: !this.stopping && entries.every(([, ok]) => ok), checks };
  }
}
