/**
 * A bounded map that keeps what was used recently, in two generations: entries go into the
 * current one; when it is full it becomes the previous one and the one before is dropped, and a
 * hit in the previous generation moves into the current one. Every operation is O(1). (A Map
 * evicting its oldest key is not: V8's iterators step over every deleted entry still in the
 * table, and a cache churning at its bound is full of them — profile: 6% of a 2,000-retro report.)
 * Holds between `generationSize` and twice that many entries once full.
 */
export class RecentCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly generationSize: number) {
    if (!(generationSize >= 1)) throw new RangeError(`generation size must be at least 1, not ${generationSize}`);
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  /** Entries held (a key in both generations counts once). */
  get size(): number {
    let size = this.current.size;
    for (const key of this.previous.keys()) if (!this.current.has(key)) size++;
    return size;
  }
}
