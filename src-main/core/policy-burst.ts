// The burst rule: at most BURST_LIMIT toasts per BURST_WINDOW_MS; beyond that, one summary per
// window, so a flood of hits reads "12 opens on 4 emails" instead of twelve toasts.
import type { TrackingEvent } from '../../src-shared/protocol';
import type { PolicyContext, PolicyState } from './notification-policy';
import { eventToast, summaryToast } from './policy-toasts';
import { addToTally, emptyTally, tallyCount } from './tally';
import type { ToastContent } from './types';

/** More than this many toasts within BURST_WINDOW_MS become one summary. */
export const BURST_LIMIT = 3;
export const BURST_WINDOW_MS = 5_000;

/** Repeats are counted per thread and recipient. */
export const repeatKey = (e: TrackingEvent) => `${e.threadId}\u0000${e.recipient?.email ?? 'someone'}`;

/** Shows the candidates one by one while the window has room; holds the rest for its summary. */
export function gateBurst(s: PolicyState, candidates: readonly TrackingEvent[], context: PolicyContext, now: number): ToastContent[] {
  if (s.burst) {
    s.burst = candidates.reduce(addToTally, s.burst);
    return [];
  }
  if (candidates.length > BURST_LIMIT && s.toastTimes.length === 0) {
    const toast = summaryToast(`burst:${now}`, candidates.reduce(addToTally, emptyTally(now)), null, context, now);
    for (const e of candidates) remember(s, e, null);
    openBurstWindow(s, now);
    return [toast];
  }
  const toasts: ToastContent[] = [];
  for (const e of candidates) {
    if (s.toastTimes.length >= BURST_LIMIT) {
      if (!s.burst) s.burstUntil = (s.toastTimes[0] ?? now) + BURST_WINDOW_MS;
      s.burst = addToTally(s.burst ?? emptyTally(now), e);
      continue;
    }
    const toast = eventToast(e, context, now);
    toasts.push(toast);
    s.toastTimes.push(now);
    remember(s, e, toast.id);
  }
  return toasts;
}

/**
 * At the end of a window that held something, its summary, and the next window opens, so a steady
 * stream makes one summary per window; a window that stayed empty just closes.
 */
export function closeBurstWindow(s: PolicyState, context: PolicyContext, now: number): ToastContent[] {
  if (!s.burst || now < s.burstUntil) return [];
  if (tallyCount(s.burst) === 0) {
    s.burst = null;
    s.toastTimes = [];
    return [];
  }
  const toast = summaryToast(`burst:${now}`, s.burst, null, context, now);
  openBurstWindow(s, now);
  return [toast];
}

function openBurstWindow(s: PolicyState, now: number): void {
  s.burst = emptyTally(now);
  s.burstUntil = now + BURST_WINDOW_MS;
  s.toastTimes = [now];
}

/** Later opens of this thread by this recipient fold into `toastId` (or are skipped when null). */
function remember(s: PolicyState, e: TrackingEvent, toastId: string | null): void {
  if (e.type !== 'open') return;
  s.repeats[repeatKey(e)] = { toastId, firstAt: Date.parse(e.at), count: 1, event: e };
}
