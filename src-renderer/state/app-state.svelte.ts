// Everything the window shares, created once by App.svelte and provided through context.
import { createContext } from 'svelte';
import { ActivityState } from './activity-state.svelte';
import { ClockState } from './clock-state.svelte';
import { ConnectionState } from './connection-state.svelte';
import { EmailsState } from './emails-state.svelte';
import { RouterState } from './router-state.svelte';
import { SettingsState } from './settings-state.svelte';

export class AppState {
  router = new RouterState(location.hash);
  clock = new ClockState();
  connection = new ConnectionState();
  activity = new ActivityState();
  emails = new EmailsState();
  settings = new SettingsState();

  /** Subscribes everything to main; returns the teardown. */
  start(): () => void {
    const stops = [
      this.router.follow(),
      this.clock.start(),
      this.connection.start(),
      this.settings.start(),
      this.activity.start(),
      this.activity.onEvents((events) => this.emails.apply(events)),
      // Server data is (re)loaded whenever the connection comes (back) online.
      this.connection.onOnline(() => {
        void this.activity.reload();
        void this.settings.loadPreferences();
        void this.emails.search(this.emails.query);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }
}

export const [getApp, setApp] = createContext<AppState>();
