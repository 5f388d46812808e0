// Which view the window shows. Mirrored in location.hash so reload, back and forward keep the place;
// main can also navigate (a notification was clicked) through onNavigate.
import type { Navigation } from '../../src-shared/ipc';

export function parseHash(hash: string): Navigation {
  const [, view, id] = hash.replace(/^#/, '').split('/');
  switch (view) {
    case 'emails':
      return { view: 'emails' };
    case 'email':
      return id ? { view: 'email', messageId: decodeURIComponent(id) } : { view: 'emails' };
    case 'settings':
      return { view: 'settings' };
    default:
      return { view: 'activity' };
  }
}

export function toHash(navigation: Navigation): string {
  switch (navigation.view) {
    case 'activity':
    case 'emails':
    case 'settings':
      return `#/${navigation.view}`;
    case 'email':
      return `#/email/${encodeURIComponent(navigation.messageId)}`;
    default: {
      const unknown: never = navigation;
      return String(unknown);
    }
  }
}

export class RouterState {
  current = $state.raw<Navigation>({ view: 'activity' });

  constructor(hash: string) {
    this.current = parseHash(hash);
  }

  go(navigation: Navigation): void {
    this.current = navigation;
    const hash = toHash(navigation);
    if (location.hash !== hash) location.hash = hash;
  }

  /** Start following back/forward; returns the teardown. */
  follow(): () => void {
    const onHash = () => {
      const next = parseHash(location.hash);
      if (toHash(next) !== toHash(this.current)) this.current = next;
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }
}
