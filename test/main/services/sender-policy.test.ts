import { describe, expect, it } from 'vitest';
import { isTrustedSender, type InvokeEventLike } from '../../../src-main/services/sender-policy';

const dev = { contentsId: () => 7, rendererUrl: 'http://localhost:5173/' };
const built = { contentsId: () => 7, rendererUrl: 'file:///opt/Inkling/resources/app.asar/out/renderer/index.html' };
const event = (url: string, over: Partial<InvokeEventLike> = {}): InvokeEventLike => ({
  senderFrame: { url, parent: null },
  sender: { id: 7 },
  ...over,
});

describe('isTrustedSender', () => {
  it('trusts the top frame of the app window on the app page', () => {
    expect(isTrustedSender(event('http://localhost:5173/#/emails'), dev)).toBe(true);
    expect(isTrustedSender(event('file:///opt/Inkling/resources/app.asar/out/renderer/index.html#x'), built)).toBe(true);
  });

  it('refuses other origins, other files, subframes, other windows and missing frames', () => {
    expect(isTrustedSender(event('http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(event('https://evil.example/'), dev)).toBe(false);
    expect(isTrustedSender(event('file:///tmp/evil.html'), built)).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/', { senderFrame: { url: 'http://localhost:5173/', parent: {} } }), dev)).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/', { sender: { id: 8 } }), dev)).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/', { senderFrame: null }), dev)).toBe(false);
    expect(isTrustedSender(event('not a url'), dev)).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/'), { ...dev, contentsId: () => null })).toBe(false);
  });
});
