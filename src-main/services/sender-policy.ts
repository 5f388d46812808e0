// Which frames may call main: only the top frame of the app's own window, showing the app's own
// page. Kept apart from Electron (structural types) so the rule is tested in Node.
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export interface InvokeEventLike {
  senderFrame: SenderFrame | null;
  sender: { id: number };
}

export interface SenderPolicy {
  /** The web contents id of the app window, or null when there is none. */
  contentsId: () => number | null;
  /** The renderer's origin (http://localhost:5173) or, for file://, the URL of index.html. */
  rendererUrl: string;
}

export function isTrustedSender(event: InvokeEventLike, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || event.sender.id !== policy.contentsId()) return false;
  let actual: URL;
  try {
    actual = new URL(frame.url);
  } catch {
    return false;
  }
  const expected = new URL(policy.rendererUrl);
  if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  return actual.origin === expected.origin;
}
