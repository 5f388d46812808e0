// The wire contract of shared/PROTOCOL.md as zod schemas and the types inferred from them.
// Every edge (HTTP, socket, IPC) parses with these; inside, the types are trusted.
import { z } from 'zod';

const email = z.string().trim().toLowerCase().pipe(z.email().max(320));
const isoTime = z.iso.datetime({ offset: true });

export const RecipientInput = z.object({
  email,
  name: z.string().trim().max(200).optional(),
  legalBasis: z.boolean().optional(),
});
export type RecipientInput = z.infer<typeof RecipientInput>;

export const AttachmentInput = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(255),
  content: z.base64(),
});
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const TrackSwitches = z.object({ opens: z.boolean(), clicks: z.boolean() });
export type TrackSwitches = z.infer<typeof TrackSwitches>;

export const RegisterMessageRequest = z
  .object({
    subject: z.string().max(1000).default(''),
    threadId: z.string().trim().min(1).max(200).optional(),
    to: z.array(RecipientInput).max(500).default([]),
    cc: z.array(RecipientInput).max(500).default([]),
    bcc: z.array(RecipientInput).max(500).default([]),
    html: z.string().optional(),
    text: z.string().optional(),
    track: TrackSwitches.partial().optional(),
    log: z.boolean().optional(),
    perRecipient: z.boolean().default(false),
    attachments: z.array(AttachmentInput).max(50).default([]),
  })
  .refine((m) => m.to.length + m.cc.length + m.bcc.length > 0, {
    message: 'at least one recipient across to, cc and bcc',
    path: ['to'],
  })
  .refine((m) => m.html !== undefined || m.text !== undefined, {
    message: 'at least one of html or text',
    path: ['html'],
  });
export type RegisterMessageRequest = z.infer<typeof RegisterMessageRequest>;

export const TrackingState = z.object({
  opens: z.boolean(),
  clicks: z.boolean(),
  notes: z.array(z.string()),
});
export type TrackingState = z.infer<typeof TrackingState>;

export const TrackedLink = z.object({
  id: z.string(),
  url: z.string(),
  text: z.string(),
  trackedUrl: z.string(),
});
export type TrackedLink = z.infer<typeof TrackedLink>;

export const RecipientBody = z.object({
  recipient: z.string(),
  html: z.string(),
  pixelUrl: z.string().nullable(),
});
export type RecipientBody = z.infer<typeof RecipientBody>;

export const RegisterMessageResponse = z.object({
  id: z.string(),
  threadId: z.string(),
  sentAt: isoTime,
  tracking: TrackingState,
  html: z.string().nullable(),
  text: z.string().nullable(),
  pixelUrl: z.string().nullable(),
  links: z.array(TrackedLink),
  bodies: z.array(RecipientBody),
  logged: z.boolean(),
});
export type RegisterMessageResponse = z.infer<typeof RegisterMessageResponse>;

export const ReplyRequest = z.object({ from: email, at: isoTime.optional() });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const EventType = z.enum(['open', 'click', 'reply']);
export type EventType = z.infer<typeof EventType>;
export const EventSource = z.enum(['human', 'machine', 'self']);
export type EventSource = z.infer<typeof EventSource>;
export const SomeoneReason = z.enum(['shared-pixel', 'no-legal-basis']);
export type SomeoneReason = z.infer<typeof SomeoneReason>;

/** Reason codes named by PROTOCOL.md; the server may add more, so clients accept any string. */
export const KNOWN_REASONS = [
  'apple-mpp',
  'bot-user-agent',
  'prefetch',
  'head-request',
  'too-soon',
  'click-burst',
  'scanner-network',
  'sender-ip',
] as const;

export const ClientInfo = z.object({
  app: z.string().optional(),
  os: z.string().optional(),
  device: z.string().optional(),
  proxy: z.string().optional(),
});
export type ClientInfo = z.infer<typeof ClientInfo>;

export const TrackingEvent = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  type: EventType,
  at: isoTime,
  messageId: z.string(),
  threadId: z.string(),
  subject: z.string(),
  recipient: z.object({ email: z.string(), name: z.string().optional() }).nullable(),
  someone: SomeoneReason.optional(),
  source: EventSource,
  reasons: z.array(z.string()),
  inferred: z.boolean(),
  first: z.boolean(),
  link: z.object({ id: z.string(), url: z.string(), text: z.string() }).optional(),
  client: ClientInfo.optional(),
});
export type TrackingEvent = z.infer<typeof TrackingEvent>;

export const RecipientKind = z.enum(['to', 'cc', 'bcc']);
export type RecipientKind = z.infer<typeof RecipientKind>;

export const MessageSummary = z.object({
  id: z.string(),
  threadId: z.string(),
  subject: z.string(),
  sentAt: isoTime,
  recipients: z.array(z.object({ email: z.string(), name: z.string().optional(), kind: RecipientKind })),
  tracking: TrackingState,
  logged: z.boolean(),
  stats: z.object({
    opens: z.number().int(),
    clicks: z.number().int(),
    replies: z.number().int(),
    lastActivityAt: isoTime.nullable(),
  }),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

export const LoggedAttachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type LoggedAttachment = z.infer<typeof LoggedAttachment>;

export const MessageDetail = MessageSummary.extend({
  links: z.array(z.object({ id: z.string(), url: z.string(), text: z.string() })),
  events: z.array(TrackingEvent),
  /** Present when the message was logged: the stored copy of its bodies and attachments. */
  logCopy: z
    .object({ html: z.string().nullable(), text: z.string().nullable(), attachments: z.array(LoggedAttachment) })
    .optional(),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

export const MessagePage = z.object({ items: z.array(MessageSummary), next: z.string().nullable() });
export type MessagePage = z.infer<typeof MessagePage>;

export const EventPage = z.object({ events: z.array(TrackingEvent), cursor: z.number().int().nonnegative() });
export type EventPage = z.infer<typeof EventPage>;

export const Mute = z.object({
  kind: z.enum(['thread', 'contact']),
  value: z.string().trim().min(1).max(320),
  until: isoTime.nullable(),
});
export type Mute = z.infer<typeof Mute>;

export const Preferences = z.object({
  defaults: z.object({ trackOpens: z.boolean(), trackClicks: z.boolean(), log: z.boolean() }),
  /** Domains (acme.example) or addresses (bob@x.example) never to log. */
  neverLog: z.array(z.string().trim().toLowerCase().min(1).max(320)).max(1000),
  mutes: z.array(Mute).max(5000),
});
export type Preferences = z.infer<typeof Preferences>;

export const AccountSettings = z.object({
  tracking: TrackSwitches,
  privacy: z.object({ requireLegalBasis: z.boolean() }),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

export const UserInfo = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type UserInfo = z.infer<typeof UserInfo>;

export const Hello = z.object({ user: UserInfo, latestSeq: z.number().int().nonnegative(), serverTime: isoTime });
export type Hello = z.infer<typeof Hello>;

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

export const EVENTS_PAGE_MAX = 1000;
