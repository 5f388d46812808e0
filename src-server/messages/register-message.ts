// POST /api/v1/messages, the decisions: what is tracked (request, else the user's defaults, and
// never what the account forbids or a body without HTML), instrumentation, and the logged copy.
import type { RegisterMessageRequest, RegisterMessageResponse, TrackingState } from '../../src-shared/protocol';
import type { ServerContext } from '../context';
import { newId } from '../ids';
import type { StoredRecipient, UserRecord } from '../store/store';
import { instrumentBodies } from './instrument-bodies';
import { writeLogCopy } from './log-copy';
import { neverLogMatches } from './never-log';

export const NOTE_PLAIN_TEXT = 'plain text: a message without an HTML body cannot be tracked';
export const noteAccountOff = (what: 'opens' | 'clicks') => `${what} tracking is turned off for this account`;

function decideTracking(ctx: ServerContext, user: UserRecord, input: RegisterMessageRequest): TrackingState {
  if (input.html === undefined || input.html.trim() === '') return { opens: false, clicks: false, notes: [NOTE_PLAIN_TEXT] };
  const { defaults } = ctx.store.getPreferences(user.id);
  const account = ctx.store.getAccountSettings().tracking;
  const want = { opens: input.track?.opens ?? defaults.trackOpens, clicks: input.track?.clicks ?? defaults.trackClicks };
  const notes: string[] = [];
  if (want.opens && !account.opens) notes.push(noteAccountOff('opens'));
  if (want.clicks && !account.clicks) notes.push(noteAccountOff('clicks'));
  return { opens: want.opens && account.opens, clicks: want.clicks && account.clicks, notes };
}

export async function registerMessage(
  ctx: ServerContext,
  user: UserRecord,
  input: RegisterMessageRequest,
): Promise<RegisterMessageResponse> {
  const id = newId();
  const sentAt = new Date().toISOString();
  const recipients: StoredRecipient[] = (['to', 'cc', 'bcc'] as const).flatMap((kind) =>
    input[kind].map((r) => ({ email: r.email, ...(r.name ? { name: r.name } : {}), legalBasis: r.legalBasis ?? false, kind })),
  );
  const addresses = [...new Set(recipients.map((r) => r.email))];
  const tracking = decideTracking(ctx, user, input);
  const body = input.html === undefined
    ? null
    : instrumentBodies({
        messageId: id, html: input.html, recipients: addresses, perRecipient: input.perRecipient,
        tracking, base: ctx.publicBase(), honeypot: ctx.config.honeypot,
      });

  const preferences = ctx.store.getPreferences(user.id);
  const wantLog = input.log ?? preferences.defaults.log;
  const logged = wantLog && !addresses.some((a) => neverLogMatches(preferences.neverLog, a));
  const attachments = logged
    ? await writeLogCopy(ctx.config.dataDir, id, { html: input.html, text: input.text, attachments: input.attachments })
    : [];

  ctx.store.insertMessage({
    message: { id, userId: user.id, threadId: input.threadId ?? id, subject: input.subject, sentAt, recipients, tracking, logged },
    links: body?.linkRecords ?? [],
    tokens: body?.tokens ?? [],
    attachments,
  });
  return {
    id,
    threadId: input.threadId ?? id,
    sentAt,
    tracking,
    html: body?.html ?? null,
    text: input.text ?? null,
    pixelUrl: body?.pixelUrl ?? null,
    links: body?.links ?? [],
    bodies: body?.bodies ?? [],
    logged,
  };
}
