import { describe, expect, it } from 'vitest';
import { badges, how, reasonLabel, verb, who } from '../../src-renderer/lib/event-labels';
import { event } from './fixtures';

describe('event wording is honest', () => {
  it('never calls a machine open an open', () => {
    const machine = event({ source: 'machine', reasons: ['apple-mpp'] });
    expect(`${who(machine)} ${verb(machine)}`).toBe('A machine loaded the pixel for Jane Doe');
    expect(verb(machine)).not.toMatch(/opened/);
    expect(badges(machine)).toEqual([{ kind: 'machine', text: 'machine', why: "Apple Mail Privacy Protection loaded the pixel, not a person" }]);
  });

  it('says when an open was inferred rather than seen', () => {
    const inferred = event({ inferred: true });
    expect(verb(inferred)).toBe('opened (inferred)');
    expect(badges(inferred).map((b) => b.kind)).toEqual(['inferred']);
  });

  it('names Someone and says why nobody is named', () => {
    const shared = event({ recipient: null, someone: 'shared-pixel' });
    expect(who(shared)).toBe('Someone');
    expect(badges(shared)).toEqual([{ kind: 'someone', text: 'Someone', why: 'one of several recipients (they share one pixel)' }]);
    expect(badges(event({ recipient: null, someone: 'no-legal-basis' }))[0]?.why).toMatch(/legal basis/);
  });

  it('marks own hits as self with the reason', () => {
    const own = event({ source: 'self', reasons: ['sender-ip'] });
    expect(`${who(own)} ${verb(own)}`).toBe('You opened (your own open)');
    expect(badges(own)).toEqual([{ kind: 'self', text: 'self', why: 'it came from your own address (you, or your mail app)' }]);
  });

  it('tells first opens from repeats, and clicks and replies apart', () => {
    expect(verb(event({ first: true }))).toBe('opened');
    expect(verb(event({ first: false }))).toBe('opened again');
    expect(verb(event({ type: 'click' }))).toBe('clicked');
    expect(verb(event({ type: 'reply' }))).toBe('replied');
  });

  it('keeps reason codes the server adds later readable', () => {
    expect(reasonLabel('new-heuristic')).toBe('new heuristic');
  });

  it('describes the client as app, device and proxy', () => {
    expect(how({ app: 'Apple Mail', device: 'iPhone' })).toBe('Apple Mail on iPhone');
    expect(how({ app: 'Gmail', proxy: 'Google Image Proxy' })).toBe('Gmail via Google Image Proxy');
    expect(how({ os: 'Windows' })).toBe('Windows');
    expect(how(undefined)).toBe('');
  });
});
