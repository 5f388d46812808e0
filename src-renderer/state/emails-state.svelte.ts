// The Emails list: pages of summaries from the server, searched there by subject or recipient.
// Counts move live: a pushed human event bumps the figures of the message it belongs to (the
// counts of a page fetched after an event already include it; a reload settles any difference).
import type { MessageSummary, TrackingEvent } from '../../src-shared/protocol';
import { bridge, errorText } from '../lib/bridge';
import { appendPage, applyEvents, hasUnknownMessage, prependNewest } from '../lib/message-list';

/** The first page fills a screen quickly; later pages are larger, fetched while scrolling. */
const FIRST_PAGE = 50;
const PAGE = 200;

export class EmailsState {
  items = $state.raw<MessageSummary[]>([]);
  next = $state<string | null>(null);
  query = $state('');
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);
  /** Bumped per request so a slow answer to an older search never overwrites a newer one. */
  #generation = 0;
  #refreshing = false;

  async search(query: string): Promise<void> {
    this.query = query;
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const page = await bridge().listMessages({ q: query.trim() || undefined, limit: FIRST_PAGE });
      if (generation !== this.#generation) return;
      this.items = page.items;
      this.next = page.next;
      this.error = null;
    } catch (error) {
      if (generation === this.#generation) this.error = errorText(error);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.loaded = true;
      }
    }
  }

  async loadMore(): Promise<void> {
    if (this.loading || this.next === null) return;
    const generation = this.#generation;
    this.loading = true;
    try {
      const page = await bridge().listMessages({ q: this.query.trim() || undefined, before: this.next, limit: PAGE });
      if (generation !== this.#generation) return;
      this.items = appendPage(this.items, page.items);
      this.next = page.next;
    } catch (error) {
      if (generation === this.#generation) this.error = errorText(error);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  apply(events: readonly TrackingEvent[]): void {
    const next = applyEvents(this.items, events);
    if (next !== this.items) this.items = next as MessageSummary[];
    // The protocol pushes no "message registered": an email's first event is how the list learns of it.
    if (this.loaded && this.query.trim() === '' && hasUnknownMessage(this.items, events)) void this.refreshNewest();
  }

  /** Puts emails registered since the list was fetched on top, without losing the pages loaded. */
  async refreshNewest(): Promise<void> {
    if (this.#refreshing) return;
    this.#refreshing = true;
    const generation = this.#generation;
    try {
      const page = await bridge().listMessages({ limit: FIRST_PAGE });
      if (generation === this.#generation) this.items = prependNewest(this.items, page.items) as MessageSummary[];
    } catch {
      // The next event or the next visit to the list tries again; the loaded list stays as it was.
    } finally {
      this.#refreshing = false;
    }
  }
}
