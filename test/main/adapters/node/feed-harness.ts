// A SocketIoFeed on real timers with short backoff, recording what it hands over and its statuses.
import { SocketIoFeed } from '../../../../src-main/adapters/node/socket-io-feed';
import { SystemClock, TimerScheduler } from '../../../../src-main/adapters/node/system-clock';
import type { ConnectionStatus } from '../../../../src-shared/ipc';
import type { TrackingEvent } from '../../../../src-shared/protocol';

export function recordingFeed(url: string, token: string, handle?: (events: TrackingEvent[]) => Promise<void>) {
  const received: TrackingEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  const errors: Error[] = [];
  const feed = new SocketIoFeed({
    url,
    token,
    clock: new SystemClock(),
    scheduler: new TimerScheduler(),
    backoff: { initialMs: 20, maxMs: 200 },
    onError: (e) => errors.push(e),
  });
  feed.onBatch(async (events) => {
    if (handle) await handle(events);
    received.push(...events);
  });
  feed.onStatus((s) => statuses.push(s));
  const last = () => statuses.at(-1)?.state;
  return { feed, received, statuses, errors, last };
}
