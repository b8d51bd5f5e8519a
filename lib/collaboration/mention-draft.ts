import { mentionToken } from "./mentions";

export type MentionChoice = { id: string; name: string };

/** The `@` word being typed just before the caret, or null: `Voir @Jul` gives `Jul`. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1];
  return { start: caret - query.length - 1, query };
}

/**
 * The composer shows `@Julie Martin`; on sending, each chosen person still written that way becomes a token.
 * Longer names go first so « @Julie Martin » is not taken for « @Julie ».
 */
export function draftToBody(text: string, chosen: MentionChoice[]): string {
  const byLength = [...new Map(chosen.map((c) => [c.id, c])).values()].sort((a, b) => b.name.length - a.name.length);
  let body = text;
  for (const person of byLength) body = body.split(`@${person.name}`).join(mentionToken(person));
  return body;
}
