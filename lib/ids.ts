const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL can be a row id at all (PostgreSQL answers a malformed uuid with an error). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
