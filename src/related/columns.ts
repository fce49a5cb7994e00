/**
 * Growable typed-array columns. The related index keeps 100k papers' terms and vectors in a few
 * flat arrays instead of several small arrays per paper: building allocates almost nothing per
 * paper, and the garbage collector has a handful of objects to look at instead of half a million.
 */
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;

/** `array` with room for at least `size` elements (the same array when it already has). */
export function ensure<T extends Typed>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (n: number) => T)(
    Math.max(size, Math.ceil(array.length * 1.5) + 16),
  );
  grown.set(array);
  return grown;
}
