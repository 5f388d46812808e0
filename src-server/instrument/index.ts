// HTML instrumentation: the open pixel before quoted history, tracked links for hyperlinked
// text, an optional honeypot link. Pure: same input, same output, no I/O. The parser (parse5)
// decides structure; the output is the original text with edits at the offsets it reports.
import { parse, type ParserOptions } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { childElement, getAttr, isHtmlElement, type Document, type Element } from './dom';
import { applyEdits, serializeWithChanges, type Edit } from './edits';
import { linkLabel, looksLikeUrl, trackableUrl } from './link-text';
import { honeypotMarkup, pixelMarkup, escapeAttr } from './markup';
import { insertionAnchor, quoteStart } from './quoted-history';
import { scanDocument, type Scan } from './scan';

export interface LinkFound {
  /** Position among the tracked links in document order; the same HTML always gives the same indexes. */
  index: number;
  /** The absolute http(s) URL the link pointed to (entities decoded). */
  url: string;
  /** What the reader sees: the link text, whitespace collapsed, or an image link's alt text. */
  text: string;
}

export interface InstrumentOptions {
  /** Absolute URL of the open pixel, or null for no pixel. */
  pixelUrl: string | null;
  /** The tracked URL for a link, or null to leave every link as it is. */
  trackedUrl: ((link: LinkFound) => string) | null;
  /** Adds one link no person can see or reach, so only machines that fetch every URL follow it. */
  honeypotUrl?: string | null;
}

export interface InstrumentResult {
  html: string;
  /** The trackable links, rewritten when `trackedUrl` is given, listed either way. */
  links: LinkFound[];
}

// Mail clients run no scripts, so <noscript> content is shown and parsed as markup.
const PARSER_OPTIONS: ParserOptions<DefaultTreeAdapterMap> = { sourceCodeLocationInfo: true, scriptingEnabled: false };
// Appended to the input to learn whether its end is a place where a tag can go (see probeFits).
const PROBE = '<img>';
// An <img> in these would not show, or would not be loaded.
const PROBE_UNFIT_ANCESTORS = new Set(['select', 'option', 'optgroup', 'datalist', 'object', 'template', 'head']);

export function instrumentHtml(html: string, opts: InstrumentOptions): InstrumentResult {
  const addition = (opts.pixelUrl !== null ? pixelMarkup(opts.pixelUrl) : '') + (opts.honeypotUrl ? honeypotMarkup(opts.honeypotUrl) : '');

  // Parsing the input with a tag appended costs nothing extra and tells whether the input's end
  // is in plain content. When it is not (the probe was swallowed), the input is parsed alone.
  let doc = parse(addition !== '' ? html + PROBE : html, PARSER_OPTIONS);
  let found = scanDocument(doc, addition !== '' ? html.length : null);
  const probeUsable = addition !== '' && probeFits(found.probe);
  if (addition !== '' && !probeUsable) {
    doc = parse(html, PARSER_OPTIONS);
    found = scanDocument(doc, null);
  }

  const start = quoteStart(found.markers, found.lastOwnOrder);
  const startOrder = start?.order ?? Infinity;
  const { links, hrefEdits, hrefs } = collectLinks(html, found, startOrder, opts.trackedUrl);

  if (addition === '') return { html: applyEdits(html, hrefEdits), links };
  const at = insertionOffset(doc, start?.el ?? null, probeUsable ? html.length : null);
  if (at === null) return { html: serializeWithChanges(doc, hrefs, addition), links };
  return { html: applyEdits(html, [...hrefEdits, { start: at, end: at, text: addition }]), links };
}

function collectLinks(html: string, found: Scan, startOrder: number, trackedUrl: InstrumentOptions['trackedUrl']) {
  const links: LinkFound[] = [];
  const hrefEdits: Edit[] = [];
  const hrefs = new Map<Element, string>();
  for (const anchor of found.anchors) {
    if (anchor.quoted || anchor.order >= startOrder) continue;
    // An <a> without a source location is the parser's clone of a misnested link; the original
    // tag carries the href that both share, so only the original is rewritten.
    const loc = anchor.el.sourceCodeLocation?.attrs?.href;
    const href = getAttr(anchor.el, 'href');
    if (!loc || href === undefined) continue;
    const url = trackableUrl(href);
    if (url === null) continue;
    const { visible, label } = linkLabel(anchor.el);
    if (looksLikeUrl(visible)) continue;
    const link: LinkFound = { index: links.length, url, text: label };
    links.push(link);
    if (trackedUrl === null) continue;
    const tracked = trackedUrl(link);
    hrefs.set(anchor.el, tracked);
    // Keep the attribute name as written (HREF stays HREF); the value is always double-quoted.
    const name = html.slice(loc.startOffset, loc.startOffset + 'href'.length);
    hrefEdits.push({ start: loc.startOffset, end: loc.endOffset, text: `${name}="${escapeAttr(tracked)}"` });
  }
  return { links, hrefEdits, hrefs };
}

/** Before quoted history, else before `</body>`, else at the end when a tag fits there. */
function insertionOffset(doc: Document, quoteEl: Element | null, endOffset: number | null): number | null {
  if (quoteEl !== null) {
    const loc = insertionAnchor(quoteEl).sourceCodeLocation;
    if (loc) return loc.startOffset;
  }
  const htmlEl = childElement(doc, 'html');
  const body = htmlEl && childElement(htmlEl, 'body');
  const bodyEnd = body?.sourceCodeLocation?.endTag;
  if (bodyEnd) return bodyEnd.startOffset;
  return endOffset;
}

/** The probe fits when the parser made it an element of the body that a client would show. */
function probeFits(probe: Element | null): boolean {
  if (probe === null) return false;
  let inBody = false;
  for (let node = probe.parentNode; node !== null && isHtmlElement(node); node = node.parentNode) {
    if (PROBE_UNFIT_ANCESTORS.has(node.tagName)) return false;
    if (node.tagName === 'body') inBody = true;
  }
  return inBody;
}
