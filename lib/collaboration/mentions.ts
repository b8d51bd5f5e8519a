/**
 * Mentions live in a message body as `@[Julie Martin](user:<uuid>)`: the id keeps the mention stable when the
 * person is renamed, the name keeps the body readable on its own.
 */

const tokenPattern = /@\[([^\]\n]{1,120})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export type BodyPart = { kind: "text"; text: string } | { kind: "mention"; name: string; userId: string };

export function mentionToken(user: { id: string; name: string }): string {
  const name = user.name.replace(/[[\]\n]/g, " ").trim();
  return `@[${name}](user:${user.id.toLowerCase()})`;
}

/** The distinct user ids mentioned in a body, in order of first appearance. */
export function parseMentions(body: string): string[] {
  const ids = [...body.matchAll(tokenPattern)].map((m) => m[2].toLowerCase());
  return [...new Set(ids)];
}

/** The body cut into plain text and mentions, for display as text and chips. */
export function splitBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(tokenPattern)) {
    if (match.index > last) parts.push({ kind: "text", text: body.slice(last, match.index) });
    parts.push({ kind: "mention", name: match[1], userId: match[2].toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

/** The body as plain text (`@Julie Martin`), for notifications and previews. */
export function plainBody(body: string): string {
  return body.replace(tokenPattern, (_all, name: string) => `@${name}`);
}
