import { describe, expect, it } from 'vitest';
import { attribute, planHitEvents, planReplyEvents, type Verdict } from '../../../src-server/classify';

const human: Verdict = { source: 'human', reasons: [], client: {} };
const machine: Verdict = { source: 'machine', reasons: ['too-soon'], client: {} };
const none = { humanOpens: 0, humanClicks: 0, humanReplies: 0 };

describe('planHitEvents', () => {
  it('makes the first human open first, and later ones not', () => {
    expect(planHitEvents('open', human, none)).toEqual([{ type: 'open', source: 'human', reasons: [], inferred: false, first: true }]);
    expect(planHitEvents('open', human, { ...none, humanOpens: 1 })[0]?.first).toBe(false);
  });

  it('never makes a machine or self event first, and keeps its reasons', () => {
    expect(planHitEvents('open', machine, none)).toEqual([{ type: 'open', source: 'machine', reasons: ['too-soon'], inferred: false, first: false }]);
    const self: Verdict = { source: 'self', reasons: ['sender-ip'], client: {} };
    expect(planHitEvents('click', self, none)).toEqual([{ type: 'click', source: 'self', reasons: ['sender-ip'], inferred: false, first: false }]);
  });

  it('infers an open before a human click when no human open was seen', () => {
    expect(planHitEvents('click', human, none)).toEqual([
      { type: 'open', source: 'human', reasons: [], inferred: true, first: true },
      { type: 'click', source: 'human', reasons: [], inferred: false, first: true },
    ]);
    expect(planHitEvents('click', human, { ...none, humanOpens: 2, humanClicks: 1 })).toEqual([
      { type: 'click', source: 'human', reasons: [], inferred: false, first: false },
    ]);
  });

  it('never makes a repeat first, even when the log has no human event yet', () => {
    expect(planHitEvents('open', { ...human, repeat: true }, none)[0]?.first).toBe(false);
  });
});

describe('planReplyEvents', () => {
  it('infers an open when none was seen, and marks the first reply', () => {
    expect(planReplyEvents(none)).toEqual([
      { type: 'open', source: 'human', reasons: [], inferred: true, first: true },
      { type: 'reply', source: 'human', reasons: [], inferred: false, first: true },
    ]);
    expect(planReplyEvents({ humanOpens: 1, humanClicks: 0, humanReplies: 1 })).toEqual([
      { type: 'reply', source: 'human', reasons: [], inferred: false, first: false },
    ]);
  });
});

describe('attribute', () => {
  const jane = { email: 'jane@acme.example', name: 'Jane Doe', legalBasis: false };

  it('names the bound recipient', () => {
    expect(attribute({ recipient: jane }, { requireLegalBasis: false })).toEqual({ recipient: { email: 'jane@acme.example', name: 'Jane Doe' } });
  });

  it('gives Someone for a shared token', () => {
    expect(attribute({ recipient: null }, { requireLegalBasis: false })).toEqual({ recipient: null, someone: 'shared-pixel' });
  });

  it('hides a recipient without a legal basis when privacy requires one', () => {
    expect(attribute({ recipient: jane }, { requireLegalBasis: true })).toEqual({ recipient: null, someone: 'no-legal-basis' });
    expect(attribute({ recipient: { ...jane, legalBasis: true } }, { requireLegalBasis: true }).recipient?.email).toBe('jane@acme.example');
  });
});
