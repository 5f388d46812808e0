// Reads instrumented output back with the same parser a mail client would use, so tests assert on
// structure rather than on exact strings.
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export const PIXEL = 'https://t.example/o/PIXELTOKEN.gif';
export const HONEYPOT = 'https://t.example/c/HONEYPOT';
export const tracked = (link: { index: number }) => `https://t.example/c/LINK${link.index}`;
export const allOn = { pixelUrl: PIXEL, trackedUrl: tracked };

/** Every element in document order. */
export function elements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!('tagName' in node)) continue;
    out.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function text(el: Element): string {
  let out = '';
  for (const child of el.childNodes) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value;
    else if ('tagName' in child) out += text(child);
  }
  return out;
}

export function parseBack(html: string): { doc: DefaultTreeAdapterTypes.Document; els: Element[] } {
  const doc = parse(html);
  return { doc, els: elements(doc) };
}

export function fragmentBack(html: string): Element[] {
  return elements(parseFragment(html));
}

export function anchors(els: Element[]): { href: string | undefined; text: string; el: Element }[] {
  return els.filter((e) => e.tagName === 'a').map((el) => ({ href: attr(el, 'href'), text: text(el).trim(), el }));
}

export function pixels(els: Element[]): Element[] {
  return els.filter((e) => e.tagName === 'img' && attr(e, 'src') === PIXEL);
}

/** Index of the first element matching `test` in document order (-1 if none). */
export function position(els: Element[], test: (el: Element) => boolean): number {
  return els.findIndex(test);
}

export function hasAncestor(el: Element, test: (el: Element) => boolean): boolean {
  for (let node = el.parentNode; node && 'tagName' in node; node = node.parentNode) if (test(node)) return true;
  return false;
}
