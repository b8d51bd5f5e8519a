/** How a calculated column is named wherever fields are: list columns, sorts and group or alert criteria. */
export const calculatedKey = (id: string) => `calc:${id}` as const;

/** The column id a `calc:<id>` key names, or null for any other key. */
export const calculatedIdOf = (key: string): string | null => (key.startsWith("calc:") ? key.slice("calc:".length) : null);
