// The window's places as URL hashes (#/emails, #/email/ID), so reload and back keep the place.
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
