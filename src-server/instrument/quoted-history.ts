// Where the message's own content ends and quoted history begins. Mail clients mark the quoted
// part in their own ways; we know the common ones and treat a marker as the start of history
// only when nothing the sender wrote follows it (inline replies interleave quotes and own text).
import { getAttr, hasClass, isHtmlElement, type Element } from './dom';

/**
 * `container`: the quoted part is inside the element (Gmail, Apple Mail, Thunderbird, Yahoo);
 * own text may follow it in an inline reply.
 * `divider`: everything after the element's start is history (Outlook puts its From/Sent header
 * and the quoted body as siblings after these).
 */
export type MarkerKind = 'container' | 'divider';

export function quoteMarker(el: Element): MarkerKind | null {
  if (!isHtmlElement(el)) return null;
  const id = getAttr(el, 'id');
  if (id === 'appendonsend' || id === 'divRplyFwdMsg') return 'divider'; // Outlook (web, desktop, mobile)
  if (id === 'mail-editor-reference-message-container') return 'container'; // new Outlook
  if (el.tagName === 'blockquote' && (getAttr(el, 'type') ?? '').toLowerCase() === 'cite') return 'container'; // Apple Mail, Thunderbird
  if (hasClass(el, 'gmail_quote')) return 'container'; // Gmail
  if (hasClass(el, 'moz-cite-prefix')) return 'container'; // Thunderbird's "On … wrote:" line
  if (el.tagName === 'div' && hasClass(el, 'yahoo_quoted')) return 'container'; // Yahoo Mail
  if (hasClass(el, 'protonmail_quote')) return 'container'; // Proton Mail
  return null;
}

/** A marker not nested in another marker, with its position in document order. */
export interface TopMarker {
  el: Element;
  kind: MarkerKind;
  order: number;
}

/**
 * The element quoted history starts at, or null when the whole body is the sender's own.
 * `lastOwnOrder` is the document-order position of the last piece of the sender's own visible
 * content before the first divider.
 */
export function quoteStart(markers: readonly TopMarker[], lastOwnOrder: number): TopMarker | null {
  const divider = markers.find((m) => m.kind === 'divider') ?? null;
  for (const marker of markers) {
    if (divider !== null && marker.order >= divider.order) break;
    if (marker.kind === 'container' && marker.order > lastOwnOrder) return marker;
  }
  return divider;
}

const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']);
const TABLE_PARENTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'colgroup']);

/**
 * The element whose start tag the pixel goes before. An `<img>` written between table rows would
 * be moved out of the table by the parser, so a marker that is a table part climbs to its table.
 */
export function insertionAnchor(el: Element): Element {
  let current = el;
  for (;;) {
    const parent = current.parentNode;
    if (parent === null || !isHtmlElement(parent)) return current;
    if (!TABLE_PARTS.has(current.tagName) && !TABLE_PARENTS.has(parent.tagName)) return current;
    if (current.tagName === 'table' && !TABLE_PARENTS.has(parent.tagName)) return current;
    current = parent;
  }
}
