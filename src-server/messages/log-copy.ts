// Logged copies live as files under DATA_DIR/logged/<messageId>/ (bodies and attachments); the
// database keeps only the attachments' metadata, listed in the message detail. Files are flushed
// to disk before the message row that points at them is committed.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentInput, LoggedAttachment } from '../../src-shared/protocol';
import { newId } from '../ids';

const dirOf = (dataDir: string, messageId: string) => path.join(dataDir, 'logged', messageId);

export async function writeLogCopy(
  dataDir: string,
  messageId: string,
  copy: { html: string | undefined; text: string | undefined; attachments: readonly AttachmentInput[] },
): Promise<LoggedAttachment[]> {
  const dir = dirOf(dataDir, messageId);
  await fs.mkdir(path.join(dir, 'attachments'), { recursive: true });
  if (copy.html !== undefined) await fs.writeFile(path.join(dir, 'body.html'), copy.html, { flush: true });
  if (copy.text !== undefined) await fs.writeFile(path.join(dir, 'body.txt'), copy.text, { flush: true });
  const stored: LoggedAttachment[] = [];
  for (const a of copy.attachments) {
    const content = Buffer.from(a.content, 'base64');
    const id = newId();
    // Stored under its id: the filename comes from the client and must not choose a path.
    await fs.writeFile(path.join(dir, 'attachments', id), content, { flush: true });
    stored.push({ id, filename: a.filename, contentType: a.contentType, size: content.length });
  }
  return stored;
}

export async function readLogBodies(
  dataDir: string,
  messageId: string,
): Promise<{ html: string | null; text: string | null }> {
  const dir = dirOf(dataDir, messageId);
  const read = (name: string) => fs.readFile(path.join(dir, name), 'utf8').catch(() => null);
  return { html: await read('body.html'), text: await read('body.txt') };
}

/** The stored bytes of one logged attachment. */
export function readLoggedAttachment(dataDir: string, messageId: string, attachmentId: string): Promise<Buffer> {
  return fs.readFile(path.join(dirOf(dataDir, messageId), 'attachments', attachmentId));
}
