// Parse once, decide where everything goes, then render bodies by editing the original text at
// the offsets the parser (parse5) reported: every byte not meant to change stays as it was.
import { parse, type DefaultTreeAdapterMap, type ParserOptions } from 'parse5';
import { childElement, getAttr, isHtmlElement, type Document, type Element } from './dom';
import { applyEdits, serializeWithChanges, type Edit } from './edits';
import { linkLabel, looksLikeUrl, trackableUrl } from './link-text';
import { escapeAttr, honeypotMarkup, pixelMarkup } from './markup';
import { insertionAnchor, quoteStart } from './quoted-history';
import { scanDocument, type Scan } from './scan';
import type { InstrumentOptions, InstrumentPlan, LinkFound } from './types';

// Mail clients run no scripts, so <noscript> content is shown and parsed as markup.
const PARSER_OPTIONS: ParserOptions<DefaultTreeAdapterMap> = { sourceCodeLocationInfo: true, scriptingEnabled: false };
// Appended to the input to learn whether its end is a place where a tag can go (see probeFits).
const PROBE = '<img>';
// An <img> in these would not show, or would not be loaded.
const PROBE_UNFIT_ANCESTORS = new Set(['select', 'option', 'optgroup', 'datalist', 'object', 'template', 'head']);
const MAX_LINK_TEXT = 200;

interface LinkSite {
  link: LinkFound;
  el: Element;
  /** The href attribute's span in the source, and its name as written (HREF stays HREF). */
  start: number;
  end: number;
  name: string;
}

export function planInstrumentation(html: string): InstrumentPlan {
  // Parsing the input with a tag appended costs nothing extra and tells whether the input's end
  // is in plain content. When it is not (the probe was swallowed), the input is parsed alone.
  let doc = parse(html + PROBE, PARSER_OPTIONS);
  let found = scanDocument(doc, html.length);
  const probeUsable = probeFits(found.probe);
  if (!probeUsable) {
    doc = parse(html, PARSER_OPTIONS);
    found = scanDocument(doc, null);
  }
  const start = quoteStart(found.markers, found.lastOwnOrder);
  const sites = linkSites(html, found, start?.order ?? Infinity);
  const insertAt = insertionOffset(doc, start?.el ?? null, probeUsable ? html.length : null);
  const links = sites.map((s) => s.link);

  return {
    links,
    render(opts: InstrumentOptions): string {
      const edits: Edit[] = [];
      const hrefs = new Map<Element, string>();
      if (opts.trackedUrl !== null) {
        for (const site of sites) {
          const tracked = opts.trackedUrl(site.link);
          hrefs.set(site.el, tracked);
          edits.push({ start: site.start, end: site.end, text: `${site.name}="${escapeAttr(tracked)}"` });
        }
      }
      const addition = (opts.pixelUrl !== null ? pixelMarkup(opts.pixelUrl) : '') + (opts.honeypotUrl ? honeypotMarkup(opts.honeypotUrl) : '');
      if (addition === '') return applyEdits(html, edits);
      if (insertAt === null) return serializeWithChanges(doc, hrefs, addition);
      return applyEdits(html, [...edits, { start: insertAt, end: insertAt, text: addition }]);
    },
  };
}

function linkSites(html: string, found: Scan, startOrder: number): LinkSite[] {
  const sites: LinkSite[] = [];
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
    const text = label.length > MAX_LINK_TEXT ? `${label.slice(0, MAX_LINK_TEXT - 1)}…` : label;
    sites.push({
      link: { index: sites.length, url, text },
      el: anchor.el,
      start: loc.startOffset,
      end: loc.endOffset,
      name: html.slice(loc.startOffset, loc.startOffset + 'href'.length),
    });
  }
  return sites;
}

/** Before quoted history, else before `</body>` (or `</html>`), else at the end when a tag fits there. */
function insertionOffset(doc: Document, quoteEl: Element | null, endOffset: number | null): number | null {
  if (quoteEl !== null) {
    const loc = insertionAnchor(quoteEl).sourceCodeLocation;
    if (loc) return loc.startOffset;
  }
  const htmlEl = childElement(doc, 'html');
  const body = htmlEl && childElement(htmlEl, 'body');
  // Before </body>, or before </html> when </body> was left out: the parser is still in the body there.
  const end = body?.sourceCodeLocation?.endTag ?? (body && htmlEl?.sourceCodeLocation?.endTag);
  if (end) return end.startOffset;
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
