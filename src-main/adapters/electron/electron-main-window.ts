// The one window, locked down: context isolation, sandbox, no Node, a strict CSP, no navigation
// away from the app, no new windows; web links go to the browser. Closing it only hides it, so
// the app lives on in the tray.
import { BrowserWindow, session, type NativeImage } from 'electron';
import type { MainWindow } from '../../ports';

/** The same policy as the meta tag in src-renderer/index.html: nothing inline, nothing foreign. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WindowOptions {
  /** http://localhost:5173 in development, or the file:// URL of the built index.html. */
  rendererUrl: string;
  preload: string;
  icon: NativeImage;
  openExternal: (url: string) => void;
  /** True once the app is quitting: then closing really closes. */
  quitting: () => boolean;
}

export class ElectronMainWindow implements MainWindow {
  private window: BrowserWindow | null = null;
  private readonly focusListeners = new Set<() => void>();

  constructor(private readonly options: WindowOptions) {
    // The header covers pages served over HTTP in development; the built page carries the same
    // policy in a meta tag, since file:// responses have no headers.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  }

  show(): void {
    const window = this.window ?? this.create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  isFocused(): boolean {
    return this.window !== null && this.window.isVisible() && this.window.isFocused();
  }

  onFocus(listener: () => void): () => void {
    this.focusListeners.add(listener);
    return () => {
      this.focusListeners.delete(listener);
    };
  }

  /** Sends a push to the page, if there is a page. */
  send(channel: string, payload: unknown): void {
    const contents = this.window?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  }

  /** The web contents whose frames may call main, for the IPC sender check. */
  contentsId(): number | null {
    return this.window?.webContents.id ?? null;
  }

  private create(): BrowserWindow {
    const { rendererUrl, preload, icon, openExternal, quitting } = this.options;
    const window = new BrowserWindow({
      width: 1100,
      height: 720,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Inkling',
      icon,
      webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    const contents = window.webContents;
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:/i.test(url)) openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    window.on('focus', () => {
      for (const listener of [...this.focusListeners]) listener();
    });
    window.on('close', (event) => {
      if (quitting()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      this.window = null;
    });
    void window.loadURL(rendererUrl); // fire-and-forget: a failed load shows an empty window, logged by Electron
    this.window = window;
    return window;
  }
}
