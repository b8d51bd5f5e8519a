/** What the forecast's card, page and export show from its weeks. */

export const NOT_YET_COMPUTED = "Prévision calculée au prochain traitement de nuit.";

type Week = { expected: number };

/** The table page of the forecast, narrowed to the société chosen on the home. */
export function forecastHref(entityId?: string): string {
  return entityId ? `/previsions?societe=${entityId}` : "/previsions";
}

/**
 * The expected total over the weeks. No interval is given for it: the weeks of one invoice exclude each other (paid
 * in one week, not in the next), so adding the weekly variances would overstate the spread of the total.
 */
export function forecastTotal(weeks: Week[]): number {
  return weeks.reduce((sum, w) => sum + w.expected, 0);
}

/** Each week with the expected total from the first week to it. */
export function withCumulative<T extends Week>(weeks: T[]): (T & { cumulative: number })[] {
  let cumulative = 0;
  return weeks.map((w) => {
    cumulative += w.expected;
    return { ...w, cumulative };
  });
}
