// To whom a hit is attributed: the recipient its token is bound to, or "Someone" with the reason.
import type { Attribution, TokenBinding } from './types';

export function attribute(binding: TokenBinding, privacy: { requireLegalBasis: boolean }): Attribution {
  const recipient = binding.recipient;
  // A shared pixel of a multi-recipient message cannot say who opened it. (The server binds the
  // shared pixel of a single-recipient message to that recipient before calling here.)
  if (recipient === null) return { recipient: null, someone: 'shared-pixel' };
  // Under privacy.requireLegalBasis a recipient without one is never named (PROTOCOL.md, Attribution).
  if (privacy.requireLegalBasis && !recipient.legalBasis) return { recipient: null, someone: 'no-legal-basis' };
  return { recipient: recipient.name === undefined ? { email: recipient.email } : { email: recipient.email, name: recipient.name } };
}
