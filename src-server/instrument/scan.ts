// One pass over the parsed document, in document order, gathering what instrumentation needs:
// the links, the quote markers, where the sender's own visible content ends, and the probe.
// Iterative, so a deeply nested body cannot overflow the stack.
import type { DefaultTreeAdapterTypes } from 'parse5';
import { isElement, isHtmlElement, type Document, type Element, type Node } from './dom';
import { quoteMarker, type TopMarker } from './quoted-history';

export interface AnchorSeen {
  el: Element;
  order: number;
  /** Inside a quote marker, or after an Outlook-style divider. */
  quoted: boolean;
}

export interface Scan {
  anchors: AnchorSeen[];
  markers: TopMarker[];
  lastOwnOrder: number;
  /** The element that starts at the probe offset (see index.ts), if the parser made one. */
  probe: Element | null;
}

// Text in these is never shown, so it is not the sender's visible content.
const HIDDEN_TEXT_PARENTS = new Set(['script', 'style', 'title', 'head']);
// Elements that show something even without text.
const VISIBLE_EMPTY = new Set(['img', 'video', 'audio', 'iframe', 'object', 'embed', 'svg', 'canvas', 'picture', 'input', 'button', 'select', 'textarea']);
const VISIBLE_CHAR = /[^\s\u200b-\u200d\u2060\ufeff]/;

const EXIT = Symbol('exit');

export function scanDocument(doc: Document, probeOffset: number | null): Scan {
  const result: Scan = { anchors: [], markers: [], lastOwnOrder: -1, probe: null };
  const stack: (Node | typeof EXIT)[] = [...doc.childNodes].reverse();
  let order = 0;
  let inQuote = false;
  let afterDivider = false;

  while (stack.length > 0) {
    const node = stack.pop() as Node | typeof EXIT;
    if (node === EXIT) {
      inQuote = false; // only a top-level container pushes EXIT
      continue;
    }
    order++;
    const own = !inQuote && !afterDivider;
    if (!isElement(node)) {
      if (own && node.nodeName === '#text' && VISIBLE_CHAR.test((node as DefaultTreeAdapterTypes.TextNode).value)) {
        const parent = node.parentNode;
        if (!(parent && isElement(parent) && HIDDEN_TEXT_PARENTS.has(parent.tagName))) result.lastOwnOrder = order;
      }
      continue;
    }
    if (probeOffset !== null && node.sourceCodeLocation?.startOffset === probeOffset && isHtmlElement(node, 'img')) {
      result.probe = node;
      continue;
    }
    if (isHtmlElement(node, 'a')) result.anchors.push({ el: node, order, quoted: !own });
    if (own && VISIBLE_EMPTY.has(node.tagName)) result.lastOwnOrder = order;

    const kind = own ? quoteMarker(node) : null;
    if (kind !== null) {
      result.markers.push({ el: node, kind, order });
      if (kind === 'divider') afterDivider = true;
      else {
        inQuote = true;
        stack.push(EXIT);
      }
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return result;
}
