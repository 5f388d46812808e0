// Seeds the UI benchmark's server: 10,000 messages registered through the real API (so they are
// instrumented and stored as any other), then 100,000 events appended straight to the store in one
// transaction (the pixel route would take minutes and is measured by bench:ingest instead).
import type { RegisterMessageResponse, TrackingEvent } from '../src-shared/protocol';
import type { RunningServer } from '../src-server/app';
import { registerMessage } from '../test/support/server';

const TOPICS = ['Proposal', 'Renewal', 'Pricing', 'Follow-up', 'Intro', 'Contract', 'Demo', 'Invoice', 'Offsite', 'Roadmap'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const CLIENTS = [
  { app: 'Apple Mail', os: 'macOS', device: 'Mac' },
  { app: 'Gmail', os: 'Android', device: 'Pixel 8' },
  { app: 'Outlook', os: 'Windows' },
  { app: 'Chrome', os: 'Windows' },
];

export interface Seeded {
  messages: { id: string; threadId: string; subject: string; recipient: string; linkId: string | null }[];
}

export function subjectOf(i: number): string {
  return `${TOPICS[i % TOPICS.length]} ${String(i).padStart(5, '0')} for ${COMPANIES[(i * 7) % COMPANIES.length]}`;
}

export async function seedMessages(server: { url: string }, token: string, count: number, concurrency = 24): Promise<Seeded> {
  const messages: Seeded['messages'] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const recipient = `contact${i}@${COMPANIES[i % COMPANIES.length]!.toLowerCase()}.example`;
      const answer: RegisterMessageResponse = await registerMessage(server, token, {
        subject: subjectOf(i),
        to: [{ email: recipient, name: `Contact ${i}` }],
        html: `<p>Hello, here is <a href="https://example.com/offer/${i}">the offer</a>.</p>`,
      });
      messages[i] = { id: answer.id, threadId: answer.threadId, subject: subjectOf(i), recipient, linkId: answer.links[0]?.id ?? null };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { messages };
}

/** Events spread over the last 30 days in time order, mostly human, some machine and self. */
export function seedEvents(server: RunningServer, userId: string, seeded: Seeded, count: number): void {
  const now = Date.now();
  const span = 30 * 24 * 3600e3;
  const store = server.store;
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const message = seeded.messages[(i * 7919) % seeded.messages.length]!;
      const kind = i % 10;
      const type: TrackingEvent['type'] = kind < 6 ? 'open' : kind < 9 ? 'click' : 'reply';
      const source: TrackingEvent['source'] = i % 13 === 0 ? 'machine' : i % 29 === 0 ? 'self' : 'human';
      store.appendEvent(userId, {
        id: `bench-${i}`,
        type,
        at: new Date(now - span + Math.floor((span * i) / count)).toISOString(),
        messageId: message.id,
        threadId: message.threadId,
        subject: message.subject,
        recipient: { email: message.recipient, name: message.recipient.split('@')[0] },
        source,
        reasons: source === 'machine' ? ['apple-mpp'] : source === 'self' ? ['sender-ip'] : [],
        inferred: false,
        first: i < seeded.messages.length,
        ...(type === 'click' && message.linkId ? { link: { id: message.linkId, url: 'https://example.com/offer', text: 'the offer' } } : {}),
        client: CLIENTS[i % CLIENTS.length]!,
      });
    }
  });
}
