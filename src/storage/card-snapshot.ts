/**
 * The card cache snapshot is stored in columns: two string arrays and two typed arrays instead of
 * 20,000 small objects. Typed arrays are copied as blocks when IndexedDB reads a record, so the
 * snapshot of 10,000 cards deserialises several times faster, and that read decides how soon the
 * review page can show its first card.
 */
import type { CardPhase } from '../domain/card';
import { CARD_NUMBER_FIELDS, cardFromFields, type CachedCard, type CardNumberField } from '../domain/card-cache';

/** The stored form of the snapshot. */
export interface CardSnapshot {
  questionIds: string[];
  fingerprints: string[];
  /** 0 learning, 1 review, 2 relearning. */
  phases: Uint8Array;
  /** `CARD_NUMBER_FIELDS.length` numbers per card, in that order. */
  numbers: Float64Array;
}

const PHASES: readonly CardPhase[] = ['learning', 'review', 'relearning'];
const WIDTH = CARD_NUMBER_FIELDS.length;

/** Packs cache entries into columns. */
export function encodeCardSnapshot(entries: readonly CachedCard[]): CardSnapshot {
  const numbers = new Float64Array(entries.length * WIDTH);
  entries.forEach((entry, i) => CARD_NUMBER_FIELDS.forEach((field, j) => (numbers[i * WIDTH + j] = entry.card[field])));
  return {
    questionIds: entries.map((entry) => entry.card.questionId),
    fingerprints: entries.map((entry) => entry.fingerprint),
    phases: Uint8Array.from(entries, (entry) => PHASES.indexOf(entry.card.phase)),
    numbers,
  };
}

/** Unpacks a stored snapshot (`unknown` until parsed); malformed cards are left out. */
export function decodeCardSnapshot(x: unknown): CachedCard[] {
  if (typeof x !== 'object' || x === null) return [];
  const { questionIds, fingerprints, phases, numbers } = x as Partial<Record<keyof CardSnapshot, unknown>>;
  if (
    !Array.isArray(questionIds) ||
    !Array.isArray(fingerprints) ||
    !(phases instanceof Uint8Array) ||
    !(numbers instanceof Float64Array)
  )
    return [];
  const count = questionIds.length;
  if (fingerprints.length !== count || phases.length !== count || numbers.length !== count * WIDTH) return [];
  const entries: CachedCard[] = [];
  for (let i = 0; i < count; i++) {
    const questionId: unknown = questionIds[i];
    const fingerprint: unknown = fingerprints[i];
    const phase = PHASES[phases[i] ?? -1];
    const values = numbers.subarray(i * WIDTH, (i + 1) * WIDTH);
    if (typeof questionId !== 'string' || typeof fingerprint !== 'string' || !phase || !values.every(Number.isFinite))
      continue;
    const n = (field: CardNumberField) => values[CARD_NUMBER_FIELDS.indexOf(field)] ?? 0;
    entries.push({ fingerprint, card: cardFromFields(questionId, phase, n) });
  }
  return entries;
}
