// One email's full story, reloaded whenever main pushes an event about it.
import type { MessageDetail } from '../../src-shared/protocol';
import { bridge, errorText } from '../lib/bridge';
import type { ActivityState } from './activity-state.svelte';

export class MessageState {
  message = $state.raw<MessageDetail | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);
  readonly id: string;

  constructor(id: string) {
    this.id = id;
  }

  start(activity: ActivityState): () => void {
    void this.load();
    return activity.onEvents((events) => {
      if (events.some((event) => event.messageId === this.id)) void this.load();
    });
  }

  async load(): Promise<void> {
    try {
      this.message = await bridge().getMessage(this.id);
      this.error = null;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.loading = false;
    }
  }
}
