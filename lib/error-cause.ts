/** The driver's own reason behind an error, for server logs: Drizzle wraps it as the cause of a « Failed query ». */
export function describeRootCause(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  if (!(root instanceof Error)) return String(root);
  const code = (root as NodeJS.ErrnoException).code;
  const message = code && !root.message.includes(code) ? `${code} ${root.message}` : root.message;
  return message || root.name;
}
