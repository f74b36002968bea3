import type { ZoneOffsets } from './zoneOffsets.js';

const SLOTS = 256;

/**
 * The instants (epoch ms, NaN for none) of texts recently read in one zone, direct-mapped by a few
 * of their characters (day, hour and minute digits): the same date-time is often read several times
 * (by each rule set of a form, by a deadline that starts where another ends, by records of a day).
 */
export class InstantReadings {
  private readonly texts = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly instants = new Float64Array(SLOTS);

  constructor(private readonly zone: ZoneOffsets) {}

  /** `read(text, zone)`, or what it gave for the same text before. */
  instantOf(text: string, read: (text: string, zone: ZoneOffsets) => number): number {
    const slot = slotOf(text);
    if (this.texts[slot] === text) return this.instants[slot]!;
    const instant = read(text, this.zone);
    this.texts[slot] = text;
    this.instants[slot] = instant;
    return instant;
  }
}

/** A slot from the length and the characters where dates and times differ most ("YYYY-MM-DDTHH:mm..."). */
function slotOf(text: string): number {
  const n = text.length;
  if (n < 16) return (n * 7 + text.charCodeAt(n - 1) * 3 + text.charCodeAt(n - 2) * 31 + text.charCodeAt(n - 4) * 11) & (SLOTS - 1);
  return (
    (n +
      text.charCodeAt(9) * 3 +
      text.charCodeAt(8) * 37 +
      text.charCodeAt(12) * 101 +
      text.charCodeAt(15) * 7 +
      text.charCodeAt(14) * 59) &
    (SLOTS - 1)
  );
}
