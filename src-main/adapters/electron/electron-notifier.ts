// Native notifications. Each shown Notification is kept referenced until it is clicked or closed:
// otherwise the garbage collector may drop it and its click never arrives (electron#16922).
import { Notification, type NativeImage } from 'electron';
import type { Notifier, ToastContent } from '../../ports';

export class ElectronNotifier implements Notifier {
  private readonly live = new Map<string, Notification>();

  constructor(private readonly icon: NativeImage | undefined) {}

  show(toast: ToastContent, onClick: () => void): void {
    if (!Notification.isSupported()) return;
    // A fold replaces the toast on screen: the same id lets macOS and Windows swap it in place.
    this.live.get(toast.id)?.close();
    const notification = new Notification({
      id: toast.id,
      title: toast.title,
      body: toast.body,
      silent: toast.silent,
      icon: this.icon,
    });
    this.live.set(toast.id, notification);
    const forget = () => {
      if (this.live.get(toast.id) === notification) this.live.delete(toast.id);
    };
    notification.once('click', () => {
      forget();
      onClick();
    });
    notification.once('close', forget);
    notification.show();
  }

  /**
   * Electron exposes no do-not-disturb state on any platform; the OS itself keeps toasts quiet
   * then, and our own quiet hours and pause cover the rest.
   */
  doNotDisturb(): boolean {
    return false;
  }
}
