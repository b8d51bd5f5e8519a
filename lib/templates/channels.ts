import type { TemplateChannel } from "./context";

export const templateChannels = ["email", "letter", "sms"] as const satisfies readonly TemplateChannel[];

export const channelLabels: Record<TemplateChannel, string> = { email: "E-mail", letter: "Courrier", sms: "SMS" };

export function isTemplateChannel(value: unknown): value is TemplateChannel {
  return typeof value === "string" && (templateChannels as readonly string[]).includes(value);
}
