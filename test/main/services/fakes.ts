// Hand-written fakes of the ports that would touch the OS: they record what they were asked.
import type {
  AppControl,
  ExternalOpener,
  LoginItems,
  MainWindow,
  Notifier,
  ToastContent,
  TrayAction,
  TrayState,
  TrayView,
} from '../../../src-main/ports';

export class FakeNotifier implements Notifier {
  readonly shown: Array<{ toast: ToastContent; click: () => void }> = [];
  dnd = false;
  show(toast: ToastContent, onClick: () => void): void {
    this.shown.push({ toast, click: onClick });
  }
  doNotDisturb(): boolean {
    return this.dnd;
  }
  titles(): string[] {
    return this.shown.map((s) => s.toast.title);
  }
}

export class FakeTray implements TrayView {
  last: TrayState | null = null;
  private listener: ((action: TrayAction) => void) | null = null;
  render(state: TrayState): void {
    this.last = state;
  }
  onAction(listener: (action: TrayAction) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  choose(action: TrayAction): void {
    this.listener?.(action);
  }
}

export class FakeWindow implements MainWindow {
  shows = 0;
  focused = false;
  private focusListener: (() => void) | null = null;
  show(): void {
    this.shows += 1;
  }
  isFocused(): boolean {
    return this.focused;
  }
  onFocus(listener: () => void): () => void {
    this.focusListener = listener;
    return () => (this.focusListener = null);
  }
  focus(): void {
    this.focused = true;
    this.focusListener?.();
  }
}

export class FakeLoginItems implements LoginItems {
  enabled: boolean | null = null;
  set(enabled: boolean): void {
    this.enabled = enabled;
  }
}

export class FakeOpener implements ExternalOpener {
  readonly opened: string[] = [];
  async open(url: string): Promise<void> {
    this.opened.push(url);
  }
}

export class FakeApp implements AppControl {
  quits = 0;
  quit(): void {
    this.quits += 1;
  }
}
