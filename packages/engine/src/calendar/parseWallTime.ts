const WALL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * Parses a local wall-clock time "HH:mm" (00:00-24:00) into minutes since local midnight.
 * "24:00" is the end of the day (1440). Throws an Error on anything else.
 */
export function parseWallTime(text: string): number {
  const match = WALL_TIME.exec(text);
  if (!match) throw new Error(`invalid wall time "${text}": expected "HH:mm" from 00:00 to 24:00`);
  if (match[1] === undefined) return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}
