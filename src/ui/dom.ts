/**
 * Building DOM by hand, for the lesson quiz and the review: the two pages with the tightest
 * JavaScript budgets, where a UI library would cost more than the whole quiz. Text is always set
 * as text (never parsed as HTML).
 */

/**
 * Attributes: values set as attributes (`true` as an empty one; `false`, null and undefined leave it
 * out); `on<event>` takes a listener.
 */
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;
/** A child: an element, text, or nothing. */
export type Child = Node | string | false | null | undefined;

/** Creates an element with attributes and children. `on<event>` attributes take listeners instead. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  return fill(el, ...children);
}

/** Replaces an element's children (skipping empty ones) and returns it. */
export function fill<E extends Element>(el: E, ...children: Child[]): E {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== false && c !== null && c !== undefined));
  return el;
}

/** Storage problems as `role="alert"` paragraphs (none when both are null). */
export function storageAlerts(state: { storageAlert: string | null; saveError: string | null }): HTMLElement[] {
  return [state.storageAlert, state.saveError]
    .filter((m): m is string => Boolean(m))
    .map((m) => h('p', { role: 'alert', class: 'storage-alert' }, m));
}

/**
 * Resolves once the runtime can show cards: from the card cache, before the whole log has been
 * read and checked (a large deck's first card need not wait for that), or after the load.
 * `priority`: the questions the page shows, replayed first when cards must be replayed.
 */
export function whenReady(
  runtime: {
    load(priority?: ReadonlySet<string>): Promise<void>;
    getState(): { ready: boolean };
    subscribe(listener: (state: { ready: boolean }) => void): () => void;
  },
  priority?: ReadonlySet<string>,
): Promise<void> {
  void runtime.load(priority);
  return new Promise((resolve) => {
    if (runtime.getState().ready) return resolve();
    const stop = runtime.subscribe((state) => {
      if (!state.ready) return;
      stop();
      resolve();
    });
  });
}
