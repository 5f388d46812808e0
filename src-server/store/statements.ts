// Every SQL statement of the SQLite store, by name, in one place (listmonk's queries.sql idea).
export const SQL = {
  insertUser: `INSERT INTO users (id, email, name, admin, created_at) VALUES (@id, @email, @name, @admin, @createdAt)`,
  insertApiToken: `INSERT INTO api_tokens (hash, user_id) VALUES (?, ?)`,
  userByTokenHash: `SELECT u.id, u.email, u.name, u.admin FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?`,
  userById: `SELECT id, email, name, admin FROM users WHERE id = ?`,

  getPreferences: `SELECT json FROM preferences WHERE user_id = ?`,
  upsertPreferences: `INSERT INTO preferences (user_id, json) VALUES (?, ?)
    ON CONFLICT (user_id) DO UPDATE SET json = excluded.json`,
  getAccountSettings: `SELECT json FROM account_settings WHERE id = 1`,
  upsertAccountSettings: `INSERT INTO account_settings (id, json) VALUES (1, ?)
    ON CONFLICT (id) DO UPDATE SET json = excluded.json`,

  insertMessage: `INSERT INTO messages (id, user_id, thread_id, subject, sent_at, recipients, tracking, logged, search, link_count)
    VALUES (@id, @userId, @threadId, @subject, @sentAt, @recipients, @tracking, @logged, @search, @linkCount)`,
  insertLink: `INSERT INTO links (id, message_id, idx, url, text) VALUES (@id, @messageId, @index, @url, @text)`,
  insertToken: `INSERT INTO tokens (token, kind, message_id, link_id, recipient) VALUES (@token, @kind, @messageId, @linkId, @recipient)`,
  insertLoggedAttachment: `INSERT INTO logged_attachments (id, message_id, filename, content_type, size)
    VALUES (@id, @messageId, @filename, @contentType, @size)`,
  messageById: `SELECT * FROM messages WHERE id = ?`,
  messageOfUser: `SELECT * FROM messages WHERE id = ? AND user_id = ?`,
  // Newest first; `before` is the internal position n of the previous page's last item.
  listMessages: `SELECT * FROM messages
    WHERE user_id = @userId AND n < @before AND (@q IS NULL OR instr(search, @q) > 0)
    ORDER BY n DESC LIMIT @limit`,
  messageLinks: `SELECT id, message_id AS messageId, idx AS "index", url, text FROM links WHERE message_id = ? ORDER BY idx`,
  linkById: `SELECT id, message_id AS messageId, idx AS "index", url, text FROM links WHERE id = ?`,
  loggedAttachments: `SELECT id, filename, content_type AS contentType, size FROM logged_attachments WHERE message_id = ? ORDER BY rowid`,
  tokenLookup: `SELECT token, kind, message_id AS messageId, link_id AS linkId, recipient FROM tokens WHERE token = ?`,

  insertHit: `INSERT INTO hits (message_id, type, method, at, ip, user_agent, link_id, honeypot, source, reasons, bound_to)
    VALUES (@messageId, @type, @method, @at, @ip, @userAgent, @linkId, @honeypot, @source, @reasons, @boundTo)`,
  // The latest ordinary hits, newest first (the store reverses them), and every honeypot hit.
  recentHits: `SELECT type, at, ip, user_agent, link_id, honeypot, source, reasons, bound_to FROM hits
    WHERE message_id = ? AND honeypot = 0 ORDER BY n DESC LIMIT ?`,
  honeypotHits: `SELECT type, at, ip, user_agent, link_id, honeypot, source, reasons, bound_to FROM hits
    WHERE message_id = ? AND honeypot = 1 ORDER BY n`,
  // recipient '' stands for "Someone" (null on the wire).
  priorEngagement: `SELECT opens, clicks, replies FROM engagement WHERE message_id = ? AND recipient = ?`,
  countEngagement: `INSERT INTO engagement (message_id, recipient, opens, clicks, replies) VALUES (@messageId, @recipient, @opens, @clicks, @replies)
    ON CONFLICT (message_id, recipient) DO UPDATE SET
      opens = opens + excluded.opens, clicks = clicks + excluded.clicks, replies = replies + excluded.replies`,

  nextSeq: `UPDATE users SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq`,
  latestSeq: `SELECT last_seq FROM users WHERE id = ?`,
  insertEvent: `INSERT INTO events (user_id, seq, id, message_id, type, source, recipient, body)
    VALUES (@userId, @seq, @id, @messageId, @type, @source, @recipient, @body)`,
  countHumanOpen: `UPDATE messages SET opens = opens + 1, last_activity_at = max(coalesce(last_activity_at, ''), @at) WHERE id = @id`,
  countHumanClick: `UPDATE messages SET clicks = clicks + 1, last_activity_at = max(coalesce(last_activity_at, ''), @at) WHERE id = @id`,
  countHumanReply: `UPDATE messages SET replies = replies + 1, last_activity_at = max(coalesce(last_activity_at, ''), @at) WHERE id = @id`,
  eventsAfter: `SELECT body FROM events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  messageEvents: `SELECT body FROM events WHERE user_id = ? AND message_id = ? ORDER BY seq`,
} as const;

export type StatementName = keyof typeof SQL;
