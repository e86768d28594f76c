/// <reference lib="dom" />
/**
 * The only way the panel builds DOM: elements from fixed tag names, strings always as text
 * nodes (never parsed as HTML), no inline event-handler or style attributes (the CSP forbids
 * both; listeners are attached with addEventListener).
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Plain attributes; `on*` and `style` are refused. */
  attrs?: Record<string, string | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(element: Element, attrs: Record<string, string | undefined> | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined) continue;
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
    element.setAttribute(name, value);
  }
}

function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  setAttributes(element, props.attrs);
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  append(element, children);
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, value === undefined ? undefined : String(value)])));
  append(element, children);
  return element;
}

/** A codicon, decorative (the text next to it carries the meaning). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** Replaces a container's content, keeping focus on the element with the same `data-focus-key` (re-renders rebuild everything). */
export function replaceKeepingFocus(container: HTMLElement, nodes: readonly Node[]): void {
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
  container.replaceChildren(...nodes);
  if (focusKey === undefined) return;
  const again = [...container.querySelectorAll<HTMLElement>('[data-focus-key]')].find((element) => element.dataset.focusKey === focusKey);
  again?.focus({ preventScroll: true });
}

/** Calls `onScroll` with the page's vertical scroll position at most once a frame. */
export function watchScroll(onScroll: (scrollY: number) => void): void {
  let frame = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        onScroll(Math.max(0, Math.round(window.scrollY)));
      });
    },
    { passive: true },
  );
}
