// The real clock and timers.
import type { Clock, Scheduler } from '../../ports';

/** setTimeout overflows past 2^31-1 ms (about 24.8 days): longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  utcOffsetMinutes(at: number): number {
    return -new Date(at).getTimezoneOffset();
  }
}

export class TimerScheduler implements Scheduler {
  after(ms: number, run: () => void): () => void {
    let timer: NodeJS.Timeout;
    const arm = (left: number) => {
      timer = setTimeout(() => (left > MAX_TIMER_MS ? arm(left - MAX_TIMER_MS) : run()), Math.min(left, MAX_TIMER_MS));
      // A pending timer (a pause ending tomorrow) must not keep a finished process alive.
      timer.unref();
    };
    arm(Math.max(0, ms));
    return () => clearTimeout(timer);
  }
}
