// One socket's delivery: events after its cursor in ascending seq, one batch at a time; the next
// batch leaves only after the client acknowledged the previous one. Missed events come first
// because delivery always reads the log from the cursor; live events are just the log growing.
import type { TrackingEvent } from '../../src-shared/protocol';

/** Events per batch: the events page maximum; a catch-up of 100,000 events is 100 round trips. */
export const BATCH_SIZE = 1000;

export interface DeliveryTarget {
  emit(batch: TrackingEvent[], ack: () => void): void;
}

export class Delivery {
  private inFlight = false;
  private stopped = false;

  constructor(
    readonly userId: string,
    private cursor: number,
    private readonly read: (after: number, limit: number) => TrackingEvent[],
    private readonly target: DeliveryTarget,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Sends the next batch if none is waiting for its ack; called on connect and after commits. */
  pump(): void {
    if (this.inFlight || this.stopped) return;
    let batch: TrackingEvent[];
    try {
      batch = this.read(this.cursor, BATCH_SIZE);
    } catch (error) {
      // Runs inside socket.io's ack handling, where a throw would take the process down. The
      // client reconnects and resumes from its cursor.
      this.stop();
      this.onError(error);
      return;
    }
    const last = batch.at(-1);
    if (!last) return;
    this.inFlight = true;
    this.target.emit(batch, () => {
      this.inFlight = false;
      this.cursor = Math.max(this.cursor, last.seq);
      this.pump();
    });
  }

  stop(): void {
    this.stopped = true;
  }
}
