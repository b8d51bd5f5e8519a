/** Checks a template before it is saved: every clip known, allowed on its channel and in its place. */
import { clipPattern, clipToken, findClip } from "./clips";
import type { TemplateChannel } from "./context";

/** Keys of the clips of `text` that are not in the catalogue, each once, in order of appearance. */
export function findUnknownClips(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, key] of text.matchAll(clipPattern)) if (!findClip(key)) unknown.add(key);
  return [...unknown];
}

function clipErrors(text: string, channel: TemplateChannel, inSubject: boolean): string[] {
  const errors = new Set<string>();
  for (const [, key] of text.matchAll(clipPattern)) {
    const clip = findClip(key);
    if (!clip) errors.add(`Champ inconnu : ${clipToken(key)}`);
    else if (clip.channels && !clip.channels.includes(channel))
      errors.add(`Le champ ${clipToken(key)} n'est pas disponible pour ce canal.`);
    else if (inSubject && clip.kind === "block")
      errors.add(`Le champ ${clipToken(key)} ne peut pas figurer dans l'objet.`);
  }
  // Braces left after removing every clip: an unclosed or malformed `{{`.
  if (text.replace(clipPattern, "").includes("{{")) errors.add("Accolades « {{ » sans « }} » correspondantes.");
  return [...errors];
}

/** French messages for everything wrong with the template; an empty list means it can be saved. */
export function validateTemplate(
  template: { subject?: string | null; body: string },
  channel: TemplateChannel,
): string[] {
  const subjectErrors = channel === "sms" ? [] : clipErrors(template.subject ?? "", channel, true);
  return [...new Set([...subjectErrors, ...clipErrors(template.body, channel, false)])];
}
