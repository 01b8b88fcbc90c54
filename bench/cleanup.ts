/**
 * Things to undo, undone in reverse order of doing: a benchmark's processes before its
 * database, the database before the cluster, the cluster before its folder. Each step
 * gets a time limit and its failure is reported without stopping the steps after it,
 * so a failed or interrupted run still leaves nothing behind.
 */
export class Cleanup {
  private readonly steps: { label: string; fn: () => Promise<unknown> | unknown }[] = [];

  constructor(private readonly log: (message: string) => void) {}

  defer(label: string, fn: () => Promise<unknown> | unknown): void {
    this.steps.push({ label, fn });
  }

  get size(): number {
    return this.steps.length;
  }

  async run(timeoutMs = 60_000): Promise<void> {
    while (this.steps.length) {
      const step = this.steps.pop()!;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(step.fn),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
          }),
        ]);
      } catch (error) {
        this.log(`cleanup: ${step.label} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
