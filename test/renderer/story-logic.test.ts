import { describe, expect, it } from 'vitest';
import { engagementSeries } from '../../src-renderer/lib/engagement-series';
import { linkClicks, recipientStatuses } from '../../src-renderer/lib/recipient-status';
import { activeMute } from '../../src-renderer/lib/mutes';
import { relativeTime, shorten } from '../../src-renderer/lib/format';
import { event, message } from './fixtures';

const link = { id: 'l1', url: 'https://acme.example/pricing', text: 'our pricing' };

describe("an email's story", () => {
  it('tells per recipient who opened, when, and what they clicked; machines never count', () => {
    const detail = message({
      events: [
        event({ at: '2026-12-04T10:00:00.000Z' }),
        event({ at: '2026-12-04T12:00:00.000Z', first: false }),
        event({ type: 'click', link, at: '2026-12-04T12:01:00.000Z' }),
        event({ recipient: { email: 'bob@acme.example' }, source: 'machine', reasons: ['apple-mpp'] }),
      ],
    });
    const [jane, bob] = recipientStatuses(detail);
    expect(jane).toMatchObject({ opens: 2, firstOpen: '2026-12-04T10:00:00.000Z', lastOpen: '2026-12-04T12:00:00.000Z', inferredOnly: false });
    expect(jane!.clicked).toEqual([{ url: link.url, text: link.text, count: 1 }]);
    expect(bob).toMatchObject({ opens: 0, firstOpen: null, clicked: [] });
    expect(linkClicks(detail)).toEqual([{ ...link, clicks: 1 }]);
  });

  it('flags a recipient whose only opens were inferred', () => {
    const [jane] = recipientStatuses(message({ events: [event({ inferred: true }), event({ type: 'reply' })] }));
    expect(jane).toMatchObject({ opens: 1, inferredOnly: true, replied: true });
  });

  it('charts human engagement per bucket', () => {
    const now = Date.parse('2026-12-04T15:00:00.000Z');
    const series = engagementSeries(
      [event({ at: '2026-12-04T10:10:00.000Z' }), event({ type: 'click', at: '2026-12-04T10:20:00.000Z' }), event({ source: 'machine' })],
      '2026-12-04T09:00:00.000Z',
      now,
    );
    expect(series.size).toBe(15 * 60e3); // six hours in at most 24 bars
    const total = series.buckets.reduce((sum, b) => sum + b.opens + b.clicks + b.replies, 0);
    expect(total).toBe(2);
    expect(series.buckets.find((b) => b.opens === 1)?.start).toBe(Date.parse('2026-12-04T10:00:00.000Z'));
    expect(series.buckets.find((b) => b.clicks === 1)?.start).toBe(Date.parse('2026-12-04T10:15:00.000Z'));
  });

  it('honours mute expiry', () => {
    const prefs = { defaults: { trackOpens: true, trackClicks: true, log: false }, neverLog: [], mutes: [{ kind: 'thread' as const, value: 'T1', until: '2026-12-04T12:00:00.000Z' }] };
    expect(activeMute(prefs, 'thread', 't1', Date.parse('2026-12-04T11:00:00.000Z'))).not.toBeNull();
    expect(activeMute(prefs, 'thread', 't1', Date.parse('2026-12-04T12:00:01.000Z'))).toBeNull();
    expect(activeMute(prefs, 'contact', 't1', 0)).toBeNull();
  });

  it('formats times and subjects for a glance', () => {
    const now = Date.parse('2026-12-04T12:00:00.000Z');
    expect(relativeTime('2026-12-04T11:59:50.000Z', now)).toBe('just now');
    expect(relativeTime('2026-12-04T11:55:00.000Z', now)).toBe('5 min. ago');
    expect(relativeTime('2026-12-03T12:00:00.000Z', now)).toBe('yesterday');
    expect(shorten('Quarterly proposal for the northern region', 20)).toBe('Quarterly proposal…');
  });
});
