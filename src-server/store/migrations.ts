// Schema migrations, applied in order inside one transaction each; PRAGMA user_version records how
// far a database has come, so opening an older file upgrades it and opening a current one is a no-op.
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE api_tokens (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id)
  );
  CREATE TABLE preferences (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    json TEXT NOT NULL
  );
  CREATE TABLE account_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
  );
  CREATE TABLE messages (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id),
    thread_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    recipients TEXT NOT NULL,
    tracking TEXT NOT NULL,
    logged INTEGER NOT NULL,
    search TEXT NOT NULL,
    link_count INTEGER NOT NULL,
    opens INTEGER NOT NULL DEFAULT 0,
    clicks INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    last_activity_at TEXT
  );
  CREATE INDEX messages_by_user ON messages(user_id, n);
  CREATE TABLE links (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages(id),
    idx INTEGER NOT NULL,
    url TEXT NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX links_by_message ON links(message_id, idx);
  CREATE TABLE tokens (
    token TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('pixel', 'link', 'honeypot')),
    message_id TEXT NOT NULL REFERENCES messages(id),
    link_id TEXT REFERENCES links(id),
    recipient TEXT
  ) WITHOUT ROWID;
  CREATE TABLE hits (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL,
    type TEXT NOT NULL,
    method TEXT NOT NULL,
    at TEXT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT,
    link_id TEXT,
    honeypot INTEGER NOT NULL,
    source TEXT NOT NULL,
    reasons TEXT NOT NULL,
    bound_to TEXT
  );
  CREATE INDEX hits_by_message ON hits(message_id, n);
  CREATE TABLE events (
    user_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    recipient TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (user_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX events_by_message ON events(message_id, recipient, type, source);
  CREATE TABLE logged_attachments (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages(id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL
  );
  CREATE INDEX logged_attachments_by_message ON logged_attachments(message_id);
  `,
  // Human event counts per message and recipient ('' for "Someone"), kept as counters because
  // counting the log on every hit grew with the log.
  `
  CREATE TABLE engagement (
    message_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    opens INTEGER NOT NULL DEFAULT 0,
    clicks INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (message_id, recipient)
  ) WITHOUT ROWID;
  INSERT INTO engagement (message_id, recipient, opens, clicks, replies)
    SELECT message_id, coalesce(recipient, ''), sum(type = 'open'), sum(type = 'click'), sum(type = 'reply')
    FROM events WHERE source = 'human' GROUP BY message_id, coalesce(recipient, '');
  CREATE INDEX hits_honeypot ON hits(message_id) WHERE honeypot = 1;
  `,
];

export function migrate(db: Database.Database): void {
  // Read the version inside an immediate transaction: the CLI and a running server may open the
  // same file at once, and only one of them may apply a step.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] ?? '');
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
