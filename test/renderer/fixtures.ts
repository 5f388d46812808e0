// Events and messages as the server sends them, for the renderer's pure logic and components.
import type { MessageDetail, TrackingEvent } from '../../src-shared/protocol';

let seq = 0;

export function event(overrides: Partial<TrackingEvent> = {}): TrackingEvent {
  seq++;
  return {
    id: `e${seq}`,
    seq,
    type: 'open',
    at: '2026-12-04T10:00:00.000Z',
    messageId: 'm1',
    threadId: 't1',
    subject: 'Q3 proposal',
    recipient: { email: 'jane@acme.example', name: 'Jane Doe' },
    source: 'human',
    reasons: [],
    inferred: false,
    first: true,
    ...overrides,
  };
}

export function message(overrides: Partial<MessageDetail> = {}): MessageDetail {
  return {
    id: 'm1',
    threadId: 't1',
    subject: 'Q3 proposal',
    sentAt: '2026-12-04T09:00:00.000Z',
    recipients: [
      { email: 'jane@acme.example', name: 'Jane Doe', kind: 'to' },
      { email: 'bob@acme.example', kind: 'cc' },
    ],
    tracking: { opens: true, clicks: true, notes: [] },
    logged: false,
    stats: { opens: 0, clicks: 0, replies: 0, lastActivityAt: null },
    links: [{ id: 'l1', url: 'https://acme.example/pricing', text: 'our pricing' }],
    events: [],
    ...overrides,
  };
}
