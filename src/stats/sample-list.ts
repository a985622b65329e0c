/**
 * A growable list of numbers in a Float64Array: 8 bytes per sample instead of a boxed array entry, so a
 * model's latencies over 100,000 cells cost under a megabyte.
 */
export class SampleList {
  private values = new Float64Array(64);
  private size = 0;

  /** Samples added so far. */
  get length(): number {
    return this.size;
  }

  /** Adds one sample. */
  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  /** A sorted copy of the samples. */
  sorted(): Float64Array {
    // Typed arrays sort numerically, unlike Array.prototype.sort.
    return this.values.slice(0, this.size).sort();
  }
}
