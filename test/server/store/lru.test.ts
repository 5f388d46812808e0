// The bounded cache behind token, link and message lookups, and the store's use of it: a miss is
// not remembered (a token registered later is found), and a message's cached facts omit its figures.
import { afterEach, describe, expect, it } from 'vitest';
import { Lru } from '../../../src-server/store/lru';
import { SqliteStore } from '../../../src-server/store/sqlite-store';
import { tempDataDir } from '../../support/server';

describe('Lru', () => {
  it('forgets the least recently used entry beyond its bound', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // b is now the oldest
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('SqliteStore lookups', () => {
  let store: SqliteStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('finds a token registered after a miss and keeps message facts without figures', () => {
    store = new SqliteStore(tempDataDir());
    store.createUser({ id: 'u1', email: 'u1@x.example', name: 'U1', admin: false }, 'h1');
    expect(store.tokenLookup('tok')).toBeNull();
    expect(store.messageById('m1')).toBeNull();
    store.insertMessage({
      message: {
        id: 'm1', userId: 'u1', threadId: 't1', subject: 'Hello', sentAt: new Date().toISOString(),
        recipients: [{ email: 'a@x.example', legalBasis: true, kind: 'to' }],
        tracking: { opens: true, clicks: true, notes: [] }, logged: false,
      },
      links: [{ id: 'l1', messageId: 'm1', index: 0, url: 'https://example.com/', text: 'Example' }],
      tokens: [{ token: 'tok', kind: 'link', messageId: 'm1', linkId: 'l1', recipient: 'a@x.example' }],
      attachments: [],
    });
    expect(store.tokenLookup('tok')).toEqual({ token: 'tok', kind: 'link', messageId: 'm1', linkId: 'l1', recipient: 'a@x.example' });
    expect(store.linkById('l1')?.url).toBe('https://example.com/');
    const facts = store.messageById('m1');
    expect(facts).toMatchObject({ id: 'm1', subject: 'Hello', linkCount: 1 });
    expect(facts).not.toHaveProperty('stats');
    // The same frozen copy on the next hit: nobody can change it under another request.
    expect(store.messageById('m1')).toBe(facts);
    expect(Object.isFrozen(facts)).toBe(true);
  });
});
