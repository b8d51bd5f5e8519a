/** The driver's own reason behind an error, for server logs: Drizzle wraps it as the cause of a « Failed query ». */
export function describeRootCause(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  if (!(root instanceof Error)) return String(root);
  const code = (root as NodeJS.ErrnoException).code;
  const message = code && !root.message.includes(code) ? `${code} ${root.message}` : root.message;
  return message || root.name;
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND",
  "EAI_AGAIN", "CONNECTION_ENDED", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  // PostgreSQL: administrator or crash shutdown, server starting or stopping, too many connections.
  "57P01", "57P02", "57P03", "53300",
]);
const CONNECTION_MESSAGE =
  /terminating connection|connection terminated|server closed the connection|connection (?:ended|closed|refused|reset)|write CONNECTION_|socket hang up/i;

/** The error and what it wraps (drizzle's « Failed query » holds the driver's error as its cause). */
export function* chain(error: unknown, depth = 0): Generator<unknown> {
  if (depth > 8 || error === null || error === undefined) return;
  yield error;
  if (typeof error !== "object") return;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause !== undefined) yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* chain(inner, depth + 1);
}

export const codeOf = (error: unknown) =>
  typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : null;
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : typeof error === "string" ? error : "");

/**
 * The PostgreSQL driver, when a connection is cut mid-transaction, rolls back by writing to the socket it has just
 * let go, and throws a TypeError from its connection code outside any query: the cut, not a bug of ours.
 */
const DRIVER_SOCKET_LOST = /node_modules[\\/]postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js/;
const isDriverSocketLost = (error: unknown) =>
  error instanceof TypeError && /reading 'write'/.test(error.message) && DRIVER_SOCKET_LOST.test(error.stack ?? "");

/** The database is down or unreachable, or the connection was cut: worth trying again later, not a bug. */
export function isConnectionError(error: unknown): boolean {
  for (const e of chain(error)) {
    if (isDriverSocketLost(e)) return true;
    const code = codeOf(e);
    if (code && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
    if (CONNECTION_MESSAGE.test(messageOf(e))) return true;
  }
  return false;
}
