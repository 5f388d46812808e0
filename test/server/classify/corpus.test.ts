import { describe, expect, it } from 'vitest';
import { classifyHit } from '../../../src-server/classify';
import { contextOf, factsOf, loadCorpus, worthNotifying } from './corpus';

const corpus = loadCorpus();

describe('labelled hit corpus', () => {
  it.each(corpus.map(({ file, c }) => [`${file}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const verdict = classifyHit(factsOf(c), contextOf(c));
    expect(verdict.source).toBe(c.expect.source);
    expect([...verdict.reasons].sort()).toEqual([...c.expect.reasons].sort());
    if (c.expect.client) expect(verdict.client).toEqual(c.expect.client);
    expect(verdict.repeat === true).toBe(c.expect.repeat === true);
    // Where the expectation matches the truth, "worth notifying" must match it too.
    const expectedWorth = worthNotifying(c.expect.source, c.expect.repeat);
    expect(worthNotifying(verdict.source, verdict.repeat)).toBe(expectedWorth);
  });

  it('never calls a truly human, non-repeat hit of the corpus anything but human (no lost opens)', () => {
    const lost = corpus.filter(({ c }) => c.truth === 'human' && !worthNotifying(classifyHit(factsOf(c), contextOf(c)).source, undefined));
    expect(lost.map(({ c }) => c.name)).toEqual([]);
  });

  it('names only the documented known limits among machine hits it would notify', () => {
    const alerts = corpus.filter(({ c }) => {
      const v = classifyHit(factsOf(c), contextOf(c));
      return c.truth !== 'human' && worthNotifying(v.source, v.repeat);
    });
    expect(alerts.map(({ c }) => c.doc.startsWith('Known limit'))).not.toContain(false);
  });

  it('covers every vendor and client the issue names', () => {
    const text = corpus.map(({ c }) => `${c.name} ${c.doc}`).join('\n');
    for (const word of ['Apple MPP', 'Gmail', 'prefetch', 'Outlook for Windows', 'Outlook on the web', 'Apple Mail', 'Thunderbird', 'iPhone', 'Android', 'Safe Links', 'Mimecast', 'Proofpoint', 'Barracuda', 'curl', 'python']) {
      expect(text, word).toContain(word);
    }
  });
});
