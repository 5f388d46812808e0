// Builders for the core's tests: events as the server sends them, default settings, a context.
import type { TrackingEvent } from '../../../src-shared/protocol';
import {
  initialPolicyState,
  planNotifications,
  type Plan,
  type PolicyContext,
  type PolicyState,
} from '../../../src-main/core/notification-policy';
import { DEFAULT_SETTINGS } from '../../../src-main/core/settings-schema';

/** 2026-12-04 15:00:00 UTC, a Friday afternoon. */
export const T0 = Date.parse('2026-12-04T15:00:00.000Z');
export const SEC = 1000;
export const MIN = 60 * SEC;

let seq = 100;
export function event(overrides: Partial<TrackingEvent> = {}): TrackingEvent {
  seq += 1;
  return {
    id: `ev-${seq}`,
    seq,
    type: 'open',
    at: new Date(T0).toISOString(),
    messageId: 'msg-1',
    threadId: 'thread-1',
    subject: 'Q3 proposal',
    recipient: { email: 'jane@acme.example', name: 'Jane Doe' },
    source: 'human',
    reasons: [],
    inferred: false,
    first: true,
    client: { app: 'Apple Mail', device: 'iPhone' },
    ...overrides,
  };
}

export const at = (ms: number) => new Date(ms).toISOString();

export function context(overrides: Partial<PolicyContext> = {}, settings: Partial<PolicyContext['settings']> = {}): PolicyContext {
  return {
    settings: {
      notify: DEFAULT_SETTINGS.notify,
      quietHours: DEFAULT_SETTINGS.quietHours,
      pausedUntil: null,
      ...settings,
    },
    mutes: [],
    offsetMinutes: 0,
    doNotDisturb: false,
    focusedMessageId: null,
    missedThroughSeq: 0,
    recipientCounts: {},
    ...overrides,
  };
}

export const notify = (overrides: Partial<PolicyContext['settings']['notify']>) => ({
  notify: { ...DEFAULT_SETTINGS.notify, ...overrides },
});

/** Runs the policy step by step with a fake clock, carrying the state, like the service does. */
export function session(ctx: PolicyContext = context()) {
  let state: PolicyState = initialPolicyState();
  return {
    step(now: number, events: TrackingEvent[] = [], override: Partial<PolicyContext> = {}): Plan {
      const plan = planNotifications(events, { ...ctx, ...override }, state, now);
      state = plan.state;
      return plan;
    },
  };
}
