/** The time source of the server; tests pass their own to move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
