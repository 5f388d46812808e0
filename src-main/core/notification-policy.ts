// The notification judgement: which events become toasts, which fold into an earlier toast, and
// which wait for one summary. Pure: the caller passes the time and gets back the next state and
// when to call again (wakeAt) to end a burst, a hold or a click's wait for a scanner's verdict.
import type { LocalSettings } from '../../src-shared/ipc';
import type { Mute, TrackingEvent } from '../../src-shared/protocol';
import { silenceOf } from './event-filter';
import { pausedUntil, quietUntil } from './quiet-hours';
import { BURST_WINDOW_MS, closeBurstWindow, gateBurst, repeatKey } from './policy-burst';
import { engagementKey, gateClicks, type HeldClick } from './policy-click-hold';
import { foldToast, summaryToast } from './policy-toasts';
import { addToTally, emptyTally, mergeTallies, type Tally } from './tally';
import type { ToastContent } from './types';

export { BURST_LIMIT, BURST_WINDOW_MS } from './policy-burst';
export { CLICK_HOLD_MS } from './policy-click-hold';
/** An event older than this on arrival was missed (asleep, offline): it goes into a summary. */
export const STALE_MS = 5 * 60_000;
/**
 * Late events on a live connection (a laptop waking with its socket still open) come in several
 * batches; the summary waits until none has come for this long, so they make one summary too.
 */
export const AWAY_SETTLE_MS = 2_000;
/** While the OS says do-not-disturb, look again this often to release held notifications. */
export const DND_RECHECK_MS = 60_000;

export interface PolicyContext {
  settings: Pick<LocalSettings, 'notify' | 'quietHours' | 'pausedUntil'>;
  mutes: readonly Mute[];
  offsetMinutes: number;
  doNotDisturb: boolean;
  /** The email the focused window shows; null when none or the window is not focused. */
  focusedMessageId: string | null;
  /** Events with seq up to this were missed while away (the server's latest seq at connect). */
  missedThroughSeq: number;
  /** Recipient counts of messages, for "one of 3 recipients". */
  recipientCounts: Readonly<Record<string, number>>;
}

export interface RepeatEntry {
  /** The toast that later opens fold into; null when it was a summary (then they are skipped). */
  toastId: string | null;
  firstAt: number;
  count: number;
  event: TrackingEvent;
}

export interface PolicyState {
  repeats: Record<string, RepeatEntry>;
  /** When recent individual toasts were shown, for the burst limit. */
  toastTimes: number[];
  burst: Tally | null;
  burstUntil: number;
  /** Held by quiet hours, a pause or do-not-disturb. */
  held: Tally | null;
  /** Missed while offline or asleep, until the catch-up is complete. */
  away: Tally | null;
  /** The away summary waits until this time (late events still arriving). */
  awayUntil: number;
  /** Human clicks waiting out the classifier's burst window (policy-click-hold), oldest first. */
  clicks: HeldClick[];
  lastSeq: number;
}

export interface Plan {
  toasts: ToastContent[];
  /** Events worth showing in the tray's recent list and unread count (not silenced). */
  notable: TrackingEvent[];
  state: PolicyState;
  /** Call planNotifications again (with no events) at this time; null when nothing waits. */
  wakeAt: number | null;
}

export function initialPolicyState(): PolicyState {
  return { repeats: {}, toastTimes: [], burst: null, burstUntil: 0, held: null, away: null, awayUntil: 0, clicks: [], lastSeq: 0 };
}

export function planNotifications(
  events: readonly TrackingEvent[],
  context: PolicyContext,
  previous: PolicyState,
  now: number,
): Plan {
  const { notify } = context.settings;
  const windowMs = notify.repeatWindowMinutes * 60_000;
  const mayNotify = (e: TrackingEvent) =>
    silenceOf(e, notify, context.mutes, now) === null && context.focusedMessageId !== e.messageId;
  const isLate = (e: TrackingEvent) => e.seq <= context.missedThroughSeq || now - Date.parse(e.at) > STALE_MS;
  const gate = gateClicks(events, previous.clicks, mayNotify, isLate, now);
  const s: PolicyState = {
    repeats: Object.fromEntries(Object.entries(previous.repeats).filter(([, r]) => r.firstAt + windowMs > now)),
    toastTimes: previous.toastTimes.filter((t) => t > now - BURST_WINDOW_MS),
    // Tallies are persistent values: adding returns a new one and `previous` stays as it was.
    burst: previous.burst,
    burstUntil: previous.burstUntil,
    held: previous.held,
    away: previous.away,
    awayUntil: previous.awayUntil,
    clicks: gate.clicks,
    lastSeq: previous.lastSeq,
  };
  const add = (slot: 'held' | 'away', e: TrackingEvent, since: number) => {
    s[slot] = addToTally(s[slot] ?? emptyTally(since), e);
  };
  const quietEnd = quietUntil(context.settings.quietHours, now, context.offsetMinutes);
  const pauseEndAt = pausedUntil(context.settings.pausedUntil, now);
  const holding = quietEnd !== null || pauseEndAt !== null || context.doNotDisturb;
  for (const e of events) s.lastSeq = Math.max(s.lastSeq, e.seq);
  // An inferred open arrives with the click or reply it was deduced from: that toast says enough.
  const engaged = new Set(gate.proceed.filter((e) => e.type !== 'open').map(engagementKey));
  const toasts: ToastContent[] = [];
  const folds = new Map<string, ToastContent>();
  const notable: TrackingEvent[] = [];
  const candidates: TrackingEvent[] = [];

  for (const e of gate.proceed) {
    if (!mayNotify(e)) continue;
    notable.push(e);
    const at = Date.parse(e.at);
    if (holding) {
      add('held', e, at);
    } else if (e.seq <= context.missedThroughSeq) {
      add('away', e, at);
    } else if (now - at > STALE_MS) {
      add('away', e, at);
      s.awayUntil = now + AWAY_SETTLE_MS;
    } else if (e.type === 'open' && e.inferred && engaged.has(engagementKey(e))) {
      continue;
    } else if (e.type === 'open' && s.repeats[repeatKey(e)] && at - s.repeats[repeatKey(e)]!.firstAt < windowMs) {
      const entry = s.repeats[repeatKey(e)]!;
      if (!notify.repeats || entry.toastId === null) continue;
      s.repeats[repeatKey(e)] = { ...entry, count: entry.count + 1 };
      folds.set(entry.toastId, foldToast(entry.toastId, entry.event, e, entry.count + 1, context, now));
    } else {
      candidates.push(e);
    }
  }

  toasts.push(...gateBurst(s, candidates, context, now), ...folds.values(), ...closeBurstWindow(s, context, now));

  // Held and missed events end in one summary together, never one each.
  const caughtUp = s.lastSeq >= context.missedThroughSeq && now >= s.awayUntil && !s.clicks.some((c) => c.late);
  if (!holding) {
    const away = caughtUp ? s.away : null;
    const summary = s.held && away ? mergeTallies(s.held, away) : (s.held ?? away);
    if (summary) {
      const why = s.held ? 'While notifications were held' : 'While you were away';
      toasts.push(summaryToast(`${s.held ? 'held' : 'away'}:${now}`, summary, why, context, now));
    }
    s.held = null;
    if (caughtUp) s.away = null;
  }

  const wakes = [
    s.burst ? s.burstUntil : null,
    s.away && s.awayUntil > now ? s.awayUntil : null,
    s.clicks[0]?.releaseAt ?? null,
    s.held && quietEnd !== null ? quietEnd : null,
    s.held && pauseEndAt !== null ? pauseEndAt : null,
    s.held && context.doNotDisturb ? now + DND_RECHECK_MS : null,
  ].filter((t): t is number => t !== null);
  // Held by both quiet hours and a pause: the later end releases them, but waking early is harmless.
  return { toasts, notable, state: s, wakeAt: wakes.length ? Math.min(...wakes) : null };
}
