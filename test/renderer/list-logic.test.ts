import { describe, expect, it } from 'vitest';
import { scrollToReveal, virtualWindow } from '../../src-renderer/lib/virtual-window';
import { appendPage, applyEvents, hasUnknownMessage, prependNewest } from '../../src-renderer/lib/message-list';
import { parseHash, toHash } from '../../src-renderer/lib/routes';
import { inverse } from '../../src-renderer/lib/settings-patch';
import type { LocalSettings } from '../../src-shared/ipc';
import { event, message } from './fixtures';

describe('virtual window', () => {
  it('renders a screenful plus overscan out of 10,000 rows', () => {
    const win = virtualWindow(10_000, 56, 56 * 5000, 560, 8);
    expect(win).toEqual({ start: 4992, end: 5019, offset: 4992 * 56, total: 560_000 });
    expect(virtualWindow(3, 56, 0, 560).end).toBe(3);
  });

  it('scrolls only as far as needed to reveal a row', () => {
    expect(scrollToReveal(0, 50, 100, 200)).toBe(0);
    expect(scrollToReveal(3, 50, 0, 200)).toBeNull();
    expect(scrollToReveal(5, 50, 0, 200)).toBe(100);
  });
});

describe('emails list', () => {
  it('counts only people when events arrive live', () => {
    const items = [message({ id: 'm1' }), message({ id: 'm2' })];
    const next = applyEvents(items, [
      event({ messageId: 'm1', type: 'click', at: '2026-12-04T11:00:00.000Z' }),
      event({ messageId: 'm1', source: 'machine', reasons: ['apple-mpp'] }),
    ]);
    expect(next[0]!.stats).toEqual({ opens: 0, clicks: 1, replies: 0, lastActivityAt: '2026-12-04T11:00:00.000Z' });
    expect(next[1]).toBe(items[1]);
    expect(applyEvents(items, [event({ messageId: 'other' })])).toBe(items);
  });

  it('appends pages without repeating a message', () => {
    const a = message({ id: 'a' });
    const b = message({ id: 'b' });
    expect(appendPage([a], [a, b]).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('puts emails registered since the fetch on top and keeps the loaded ones', () => {
    const loaded = [message({ id: 'b' }), message({ id: 'a' })];
    expect(prependNewest(loaded, [message({ id: 'c' }), loaded[0]!]).map((m) => m.id)).toEqual(['c', 'b', 'a']);
    expect(prependNewest(loaded, [loaded[0]!])).toBe(loaded);
    expect(hasUnknownMessage(loaded, [event({ messageId: 'a' })])).toBe(false);
    expect(hasUnknownMessage(loaded, [event({ messageId: 'a' }), event({ messageId: 'c' })])).toBe(true);
  });
});

describe('routes', () => {
  it('round-trips every place through the hash', () => {
    for (const place of [{ view: 'activity' }, { view: 'emails' }, { view: 'settings' }, { view: 'email', messageId: 'a/b c' }] as const) {
      expect(parseHash(toHash(place))).toEqual(place);
    }
    expect(parseHash('#/nonsense')).toEqual({ view: 'activity' });
    expect(parseHash('#/email/')).toEqual({ view: 'emails' });
  });
});

describe('settings undo', () => {
  it('restores exactly the fields a patch changed', () => {
    const before = {
      server: { url: 'http://x', hasToken: true },
      notify: { opens: true, clicks: true, replies: true, someone: true, self: false, repeats: true, repeatWindowMinutes: 10, sound: true },
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
      pausedUntil: null,
      launchAtLogin: false,
    } satisfies LocalSettings;
    expect(inverse({ notify: { sound: false }, launchAtLogin: true }, before)).toEqual({ notify: { sound: true }, launchAtLogin: false });
    expect(inverse({ quietHours: { start: '23:00' }, pausedUntil: '2026-12-05T08:00:00.000Z' }, before)).toEqual({
      quietHours: { start: '22:00' },
      pausedUntil: null,
    });
  });
});
