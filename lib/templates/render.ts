/**
 * Renders a template for one client: clips replaced by their values.
 * Email and letter bodies are HTML written by a supervisor: the template's own markup is kept, every clip value
 * is escaped (line breaks become <br>), the documents clips become tables. SMS bodies are plain text; the
 * documents clip becomes a short list and no-break spaces become plain spaces so the SMS stays in GSM-7.
 * Subjects are plain text on one line; whoever puts a subject into HTML escapes it.
 * Values are inserted in one pass, so a value that looks like a clip is never expanded.
 */
import { clipPattern } from "./clips";
import type { TemplateChannel, TemplateContext } from "./context";
import { documentsListText, documentsTableHtml, penaltiesTableHtml } from "./document-tables";
import { escapeHtml } from "./escape-html";
import { inlineValues, prepare, type Prepared } from "./prepare";
import { validateTemplate } from "./validate";

export type RenderedTemplate = { subject: string | null; body: string };
export type RenderOptions = { smsMaxDocuments?: number };

export class TemplateError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join("\n"));
    this.name = "TemplateError";
  }
}

type Mode = "html" | "sms" | "subject";

function fill(text: string, p: Prepared, values: Record<string, string>, mode: Mode, options: RenderOptions): string {
  return text.replace(clipPattern, (_, key: string) => {
    if (key === "pieces.tableau") {
      if (mode === "html") return documentsTableHtml(p);
      return spaces(documentsListText(p, options.smsMaxDocuments ?? 3));
    }
    if (key === "pieces.tableau_penalites") return penaltiesTableHtml(p);
    const value = values[key];
    if (mode === "html") return escapeHtml(value).replace(/\n/g, "<br>");
    if (mode === "subject") return value.replace(/\s*\n\s*/g, " ");
    return spaces(value);
  });
}

// Intl's no-break spaces (1 234,56 €) are not GSM-7: one would double the cost of the SMS.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export function renderTemplate(
  template: { subject?: string | null; body: string },
  context: TemplateContext,
  channel: TemplateChannel,
  options: RenderOptions = {},
): RenderedTemplate {
  const errors = validateTemplate(template, channel);
  if (errors.length > 0) throw new TemplateError(errors);
  const p = prepare(context);
  const values = inlineValues(p);
  if (channel === "sms") return { subject: null, body: fill(template.body, p, values, "sms", options) };
  const subject = template.subject == null ? null : fill(template.subject, p, values, "subject", options).trim();
  return { subject, body: fill(template.body, p, values, "html", options) };
}
