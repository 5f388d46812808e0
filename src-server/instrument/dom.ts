// Small helpers over parse5's default tree, so the rest of instrument/ reads like DOM code.
import { html as htmlSpec, type DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;
export type Document = DefaultTreeAdapterTypes.Document;

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** An element of the HTML namespace (not SVG or MathML, whose `<a>` and `<img>` differ). */
export function isHtmlElement(node: Node, tagName?: string): node is Element {
  return isElement(node) && node.namespaceURI === htmlSpec.NS.HTML && (tagName === undefined || node.tagName === tagName);
}

/** Attribute value by name; parse5 lower-cases names, so `HREF` is found as `href`. */
export function getAttr(el: Element, name: string): string | undefined {
  for (const attr of el.attrs) {
    if (attr.name === name && !attr.prefix) return attr.value;
  }
  return undefined;
}

/** True when the class attribute holds `token` as one of its space-separated classes. */
export function hasClass(el: Element, token: string): boolean {
  const value = getAttr(el, 'class');
  if (value === undefined) return false;
  return value.split(/[\t\n\f\r ]+/).includes(token);
}

/** The element's textContent (text of every descendant, template contents excluded). */
export function textContent(el: Element): string {
  let text = '';
  const stack: Node[] = [...el.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterTypes.TextNode).value;
    else if (isElement(node)) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return text;
}

/** The first descendant element matching `test`, in document order. */
export function findDescendant(el: Element, test: (el: Element) => boolean): Element | undefined {
  const stack: Node[] = [...el.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!isElement(node)) continue;
    if (test(node)) return node;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return undefined;
}

export function childElement(parent: ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((node): node is Element => isHtmlElement(node, tagName));
}
