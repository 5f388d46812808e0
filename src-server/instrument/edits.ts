// Instrumentation as edits of the original text at offsets the parser reported, so every byte we
// do not mean to change stays as it was (quoting style, entities, whitespace, comments, case).
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { childElement, type Document, type Element } from './dom';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/**
 * The rare path: the input ends somewhere a tag cannot be appended (an unclosed comment,
 * `<textarea>` or start tag) and has no `</body>` to insert before. Then the tree is changed,
 * serialized and changed back (a plan renders many times), which keeps the meaning but not the
 * exact bytes.
 */
export function serializeWithChanges(doc: Document, hrefs: ReadonlyMap<Element, string>, append: string): string {
  const html = childElement(doc, 'html');
  const body = html && childElement(html, 'body');
  if (!html || !body) return serialize(doc); // a frameset document: nothing to append to
  const restore: (() => void)[] = [];
  for (const [el, href] of hrefs) {
    const attr = el.attrs.find((a) => a.name === 'href' && !a.prefix);
    if (!attr) continue;
    const before = attr.value;
    attr.value = href;
    restore.push(() => (attr.value = before));
  }
  const added = parseFragment(append).childNodes;
  for (const node of added) (node as DefaultTreeAdapterTypes.ChildNode).parentNode = body;
  body.childNodes.push(...added);
  restore.push(() => body.childNodes.splice(body.childNodes.length - added.length, added.length));
  try {
    const wasFragment = !html.sourceCodeLocation && !body.sourceCodeLocation;
    if (!wasFragment) return serialize(doc);
    const head = childElement(html, 'head');
    return (head ? serialize(head) : '') + serialize(body);
  } finally {
    for (const undo of restore) undo();
  }
}
