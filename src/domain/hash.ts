/** A small 32-bit FNV-1a hash for fingerprints and fuzz seeds. */

const FNV_PRIME = 0x01000193;

/** Mixes a string into a 32-bit FNV-1a hash. Not cryptographic: it detects stale caches, not attackers. */
export function hashString(text: string, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Mixes a safe integer (negative too) into the hash. */
export function hashInteger(value: number, hash: number): number {
  const low = (value % 0x1_0000_0000) | 0;
  const high = Math.floor(value / 0x1_0000_0000) | 0;
  return Math.imul(Math.imul(hash ^ low, FNV_PRIME) ^ high, FNV_PRIME);
}
