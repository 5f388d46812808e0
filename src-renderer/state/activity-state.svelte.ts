// The live feed: the latest events each time the connection comes online, then whatever main
// pushes (no polling). Other views subscribe through `onEvents` so one bridge subscription serves
// the whole window.
import type { TrackingEvent } from '../../src-shared/protocol';
import { bridge, errorText } from '../lib/bridge';
import { defaultFilter, matches, mergeNewest, type ActivityFilter } from '../lib/activity-filter';

/** Matches the bridge's recentActivity limit; older history lives on each email's page. */
const KEEP = 1000;
/** A screenful and more comes first, so the window paints fast; the rest follows. */
const FIRST = 100;

export class ActivityState {
  events = $state.raw<TrackingEvent[]>([]);
  filter = $state<ActivityFilter>({ ...defaultFilter });
  loaded = $state(false);
  error = $state<string | null>(null);
  visible = $derived(this.events.filter((event) => matches(event, this.filter)));
  hiddenCount = $derived(this.filter.showMachineAndSelf ? 0 : this.events.filter((event) => event.source !== 'human').length);
  #listeners: ((events: TrackingEvent[]) => void)[] = [];

  start(): () => void {
    const api = bridge();
    const stop = api.onActivity((batch) => {
      this.events = mergeNewest(this.events, batch, KEEP);
      for (const listener of this.#listeners) listener(batch);
    });
    return stop;
  }

  async reload(): Promise<void> {
    for (const limit of [FIRST, KEEP]) {
      try {
        const recent = await bridge().recentActivity({ limit });
        this.events = mergeNewest(this.events, recent, KEEP);
        this.error = null;
      } catch (error) {
        this.error = errorText(error);
        return;
      } finally {
        this.loaded = true;
      }
    }
  }

  onEvents(listener: (events: TrackingEvent[]) => void): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((other) => other !== listener);
    };
  }
}
