// Feed → policy → notifier. Owns the policy's state, wakes it when a burst or a hold ends, and
// looks up what the events do not carry (how many recipients share a pixel).
import type { Navigation } from '../../src-shared/ipc';
import type { Mute, TrackingEvent } from '../../src-shared/protocol';
import { initialPolicyState, planNotifications, type PolicyState } from '../core/notification-policy';
import type { Clock, InklingServer, MainWindow, Notifier, Scheduler } from '../ports';
import type { BatchContext } from './connection-service';
import type { SettingsService } from './settings-service';

/** Recipient counts looked up per batch at most, so a catch-up never waits on many requests. */
const LOOKUPS_PER_BATCH = 5;
const COUNTS_CACHED = 1000;

export interface AlertDeps {
  clock: Clock;
  scheduler: Scheduler;
  notifier: Notifier;
  window: MainWindow;
  settings: SettingsService;
  /** The server's current mutes ([] before they are known). */
  mutes: () => readonly Mute[];
  /** The server's API, or null when not connected. */
  api: () => InklingServer | null;
  /** Events that passed the filters (for the tray's recent list and unread count). */
  onNotable: (events: TrackingEvent[]) => void;
  onToastClick: (target: Navigation) => void;
}

export class AlertService {
  private state: PolicyState = initialPolicyState();
  private viewed: string | null = null;
  private missedThroughSeq = 0;
  private cancelWake: (() => void) | null = null;
  private readonly recipientCounts: Record<string, number> = {};

  constructor(private readonly deps: AlertDeps) {}

  async handleBatch(events: TrackingEvent[], context: BatchContext): Promise<void> {
    this.missedThroughSeq = context.missedThroughSeq;
    const fresh = events.filter((e) => e.seq > context.historyThroughSeq);
    if (fresh.length === 0) return;
    await this.learnRecipientCounts(fresh.filter((e) => e.seq > context.missedThroughSeq));
    this.run(fresh);
  }

  /** Runs the policy with no new events: after a settings change or when a hold may have ended. */
  reevaluate(): void {
    this.run([]);
  }

  setViewedMessage(messageId: string | null): void {
    this.viewed = messageId;
  }

  stop(): void {
    this.cancelWake?.();
    this.cancelWake = null;
  }

  private run(events: TrackingEvent[]): void {
    const { clock, notifier, window, settings } = this.deps;
    const now = clock.now();
    const plan = planNotifications(
      events,
      {
        settings: settings.current(),
        mutes: this.deps.mutes(),
        offsetMinutes: clock.utcOffsetMinutes(now),
        doNotDisturb: notifier.doNotDisturb(),
        focusedMessageId: window.isFocused() ? this.viewed : null,
        missedThroughSeq: this.missedThroughSeq,
        recipientCounts: this.recipientCounts,
      },
      this.state,
      now,
    );
    this.state = plan.state;
    for (const toast of plan.toasts) notifier.show(toast, () => this.deps.onToastClick(toast.target));
    if (plan.notable.length > 0) this.deps.onNotable(plan.notable);
    this.cancelWake?.();
    this.cancelWake =
      plan.wakeAt === null ? null : this.deps.scheduler.after(Math.max(0, plan.wakeAt - now), () => this.reevaluate());
  }

  private async learnRecipientCounts(live: TrackingEvent[]): Promise<void> {
    const api = this.deps.api();
    if (!api) return;
    const unknown = [...new Set(live.filter((e) => e.someone === 'shared-pixel').map((e) => e.messageId))]
      .filter((id) => !(id in this.recipientCounts))
      .slice(0, LOOKUPS_PER_BATCH);
    if (Object.keys(this.recipientCounts).length + unknown.length > COUNTS_CACHED) {
      for (const id of Object.keys(this.recipientCounts)) delete this.recipientCounts[id];
    }
    await Promise.all(
      unknown.map(async (id) => {
        try {
          this.recipientCounts[id] = (await api.getMessage(id)).recipients.length;
        } catch {
          // Without the count the toast says "one of the recipients"; never hold a toast for it.
        }
      }),
    );
  }
}
