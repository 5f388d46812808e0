// The OS-touching ports, faked for a window that lives in a plain Chromium tab: notifications are
// recorded (and printed), the tray and login items only remember what they were told, and the
// window's show() is noted (navigation itself reaches the page as an IpcPush).
import type { AppControl, ExternalOpener, LoginItems, MainWindow, Notifier, ToastContent, TrayAction, TrayState, TrayView } from '../ports';

export class RecordingNotifier implements Notifier {
  readonly shown: { toast: ToastContent; click: () => void }[] = [];

  constructor(private readonly log: (line: string) => void = () => {}) {}

  show(toast: ToastContent, onClick: () => void): void {
    this.shown.push({ toast, click: onClick });
    this.log(`notification: ${toast.title} — ${toast.body}`);
  }

  doNotDisturb(): boolean {
    return false;
  }
}

export class RecordingTray implements TrayView {
  last: TrayState | null = null;
  private listeners: ((action: TrayAction) => void)[] = [];

  render(state: TrayState): void {
    this.last = state;
  }

  onAction(listener: (action: TrayAction) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((other) => other !== listener));
  }

  /** Picks a menu item, as a person would in the real tray. */
  choose(action: TrayAction): void {
    for (const listener of this.listeners) listener(action);
  }
}

/** The browser tab is the window; the host cannot tell whether it has focus, so it never claims it. */
export class TabWindow implements MainWindow {
  shows = 0;

  show(): void {
    this.shows++;
  }

  isFocused(): boolean {
    return false;
  }

  onFocus(): () => void {
    return () => {};
  }
}

export class RecordingLoginItems implements LoginItems {
  enabled: boolean | null = null;

  set(enabled: boolean): void {
    this.enabled = enabled;
  }
}

/** Prints the URL instead of launching a browser from a dev or test process. */
export class PrintingOpener implements ExternalOpener {
  readonly opened: string[] = [];

  constructor(private readonly log: (line: string) => void = () => {}) {}

  async open(url: string): Promise<void> {
    this.opened.push(url);
    this.log(`open externally: ${url}`);
  }
}

export class ExitingApp implements AppControl {
  constructor(private readonly onQuit: () => void) {}

  quit(): void {
    this.onQuit();
  }
}
