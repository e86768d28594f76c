/**
 * A value built on first use and kept. Modules use it for zod schemas: built at module load,
 * they cost every activation, though only a team file, a setting or a webview message needs them.
 */
export function lazily<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
