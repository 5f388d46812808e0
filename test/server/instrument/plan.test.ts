import { describe, expect, it } from 'vitest';
import { instrumentHtml, planInstrumentation } from '../../../src-server/instrument';
import { anchors, fragmentBack } from './parsed';

const forRecipient = (who: string) => ({
  pixelUrl: `https://t.example/o/${who}.gif`,
  trackedUrl: (l: { index: number }) => `https://t.example/c/${who}-${l.index}`,
});

describe('one plan, one body per recipient', () => {
  it('renders each recipient its own pixel and links from a single parse, like instrumentHtml would', () => {
    const html = '<p><a href="https://acme.example/a">A</a> <a href="https://acme.example/b">B</a></p><blockquote type="cite">old</blockquote>';
    const plan = planInstrumentation(html);
    const jane = plan.render(forRecipient('jane'));
    const bob = plan.render(forRecipient('bob'));
    expect(jane).toBe(instrumentHtml(html, forRecipient('jane')).html);
    expect(anchors(fragmentBack(bob)).map((a) => a.href)).toEqual(['https://t.example/c/bob-0', 'https://t.example/c/bob-1']);
    expect(fragmentBack(bob).filter((e) => e.tagName === 'img').map((e) => e.attrs.find((a) => a.name === 'src')?.value)).toEqual([
      'https://t.example/o/bob.gif',
    ]);
    expect(plan.links.map((l) => l.url)).toEqual(['https://acme.example/a', 'https://acme.example/b']);
  });

  it('renders the same way every time on the serializing path too (input ending in an open comment)', () => {
    const plan = planInstrumentation('<p><a href="https://acme.example/a">A</a></p><!-- open');
    const first = plan.render(forRecipient('jane'));
    plan.render(forRecipient('bob'));
    expect(plan.render(forRecipient('jane'))).toBe(first);
    const els = fragmentBack(first);
    expect(anchors(els).map((a) => a.href)).toEqual(['https://t.example/c/jane-0']);
    expect(els.filter((e) => e.tagName === 'img')).toHaveLength(1);
    // Without a pixel the original text comes back unchanged.
    expect(plan.render({ pixelUrl: null, trackedUrl: null })).toBe('<p><a href="https://acme.example/a">A</a></p><!-- open');
  });

  it('caps a very long link text', () => {
    const words = 'word '.repeat(500);
    const { links } = instrumentHtml(`<a href="https://acme.example/">${words}</a>`, { pixelUrl: null, trackedUrl: null });
    expect(links[0]?.text.length).toBe(200);
    expect(links[0]?.text.endsWith('…')).toBe(true);
  });
});
