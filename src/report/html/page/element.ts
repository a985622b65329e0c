/**
 * Building DOM nodes from data without markup: every text goes in as a Text node and every attribute through
 * `setAttribute`, so an output holding `<img onerror=…>` or `</script>` is shown as the characters it is. The
 * page never assigns `innerHTML`; attributes that can run or load something are refused here as well.
 */

/** What can be appended as a child: nodes, or text (numbers are written as text). Empty values are skipped. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes by name; `undefined` and `false` leave one out, `true` sets it empty. */
export type Attributes = Record<string, string | number | boolean | undefined>;

const REFUSED = /^(on|href$|src$|srcdoc$|style$|action$|formaction$|xlink:href$)/i;
const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(element: Element, attributes: Attributes | null, children: Child[]): void {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (REFUSED.test(name)) throw new Error(`element: attribute "${name}" is not set from page code`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
}

/** Appends children to a node, text as Text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** An HTML element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attributes, children);
  return element;
}

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes | null = null, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attributes, children);
  return element;
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
