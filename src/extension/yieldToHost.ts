/**
 * Lets the extension host handle other work between chunks of a long job. setImmediate where the
 * host has it (Node: setTimeout would wait a millisecond each time); the web worker host has not.
 */
export function yieldToHost(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
