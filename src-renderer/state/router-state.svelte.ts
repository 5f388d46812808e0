// Which view the window shows. Mirrored in location.hash so reload, back and forward keep the place;
// main can also navigate (a notification was clicked) through onNavigate.
import type { Navigation } from '../../src-shared/ipc';
import { parseHash, toHash } from '../lib/routes';

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
