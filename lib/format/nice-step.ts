/** Mantissas of the steps a reader takes in at a glance: 1, 1,2, 1,5, 2, 2,5, … × a power of ten. */
const niceMantissas = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The smallest round step such that `count` steps cover `max`: the limits of a legend read
 * « 0 – 500 k€ – 1 M€ » rather than « 0 – 469 135,6 € ». Zero when there is nothing to cover.
 */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 0;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Rounded so that 3 × 0,1 does not come out as 0,30000000000000004.
  const mantissa = niceMantissas.find((m) => m * power >= raw * (1 - 1e-12)) ?? 10;
  return Number((mantissa * power).toPrecision(12));
}
