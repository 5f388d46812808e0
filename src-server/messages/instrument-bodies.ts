// Produces the shared body and, for perRecipient, one body per recipient, each with its own pixel
// and link tokens. A token is bound to a recipient when it can only reach that person: per-recipient
// bodies, and the shared body of a message with a single recipient.
import type { RecipientBody, TrackedLink, TrackingState } from '../../src-shared/protocol';
import { planInstrumentation, type InstrumentPlan } from '../instrument/index';
import { newId, newTrackingToken } from '../ids';
import type { LinkRecord, TokenRecord } from '../store/store';

interface LinkFound {
  index: number;
  url: string;
  text: string;
}

export interface InstrumentInput {
  messageId: string;
  html: string;
  /** Distinct recipient addresses across to, cc and bcc. */
  recipients: readonly string[];
  perRecipient: boolean;
  tracking: Pick<TrackingState, 'opens' | 'clicks'>;
  base: string;
  honeypot: boolean;
}

export interface Instrumented {
  html: string;
  pixelUrl: string | null;
  links: TrackedLink[];
  bodies: RecipientBody[];
  linkRecords: LinkRecord[];
  tokens: TokenRecord[];
}

export function instrumentBodies(input: InstrumentInput): Instrumented {
  const { messageId, tracking, base } = input;
  const linkRecords = new Map<number, LinkRecord>();
  const tokens: TokenRecord[] = [];
  const mint = (kind: TokenRecord['kind'], recipient: string | null, linkId: string | null = null) => {
    const token = newTrackingToken();
    tokens.push({ token, kind, messageId, linkId, recipient });
    return token;
  };
  // Parsed once: a 2 MB body for 50 recipients is one parse and 51 renders, not 51 parses.
  let plan: InstrumentPlan | null = null;
  const render = (recipient: string | null) => {
    const tracked: TrackedLink[] = [];
    const pixelUrl = tracking.opens ? `${base}/p/${mint('pixel', recipient)}.gif` : null;
    const trackedUrl = tracking.clicks
      ? (link: LinkFound) => {
          let record = linkRecords.get(link.index);
          if (!record) {
            record = { id: newId(), messageId, index: link.index, url: link.url, text: link.text };
            linkRecords.set(link.index, record);
          }
          const url = `${base}/c/${mint('link', recipient, record.id)}`;
          tracked.push({ id: record.id, url: record.url, text: record.text, trackedUrl: url });
          return url;
        }
      : null;
    const honeypotUrl = input.honeypot ? `${base}/c/${mint('honeypot', recipient)}` : null;
    plan ??= planInstrumentation(input.html);
    return { html: plan.render({ pixelUrl, trackedUrl, honeypotUrl }), pixelUrl, tracked };
  };

  if (!tracking.opens && !tracking.clicks) {
    const bodies = input.perRecipient ? input.recipients.map((r) => ({ recipient: r, html: input.html, pixelUrl: null })) : [];
    return { html: input.html, pixelUrl: null, links: [], bodies, linkRecords: [], tokens: [] };
  }
  const sole = input.recipients.length === 1 ? (input.recipients[0] ?? null) : null;
  const shared = render(sole);
  const bodies = input.perRecipient
    ? input.recipients.map((r) => {
        const body = render(r);
        return { recipient: r, html: body.html, pixelUrl: body.pixelUrl };
      })
    : [];
  return {
    html: shared.html,
    pixelUrl: shared.pixelUrl,
    links: shared.tracked,
    bodies,
    linkRecords: [...linkRecords.values()],
    tokens,
  };
}
