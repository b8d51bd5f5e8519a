/** The late-payment rate as typed in a French form ("12,15", "12.15 %") to the stored decimal string, or null. */
export function parseRatePercent(input: string): string | null {
  const value = input.replace(/[\s\u00a0\u202f%]/g, "").replace(",", ".");
  return /^\d{1,2}(\.\d{1,4})?$/.test(value) ? value : null;
}

/** The stored "12.15" as a French reader writes it: "12,15". */
export const formatRatePercent = (value: string) => value.replace(".", ",");
