/**
 * Templates (Modèles) and their clips: `{{group.field}}` merge fields filled at send time.
 * See clips.ts for the syntax and the catalogue, render.ts for how each channel renders them.
 */
export { clips, clipToken, findClip, type Clip, type ClipGroup, type ClipKey } from "./clips";
export type { TemplateChannel, TemplateContext, TemplateDocument } from "./context";
export { escapeHtml } from "./escape-html";
export { documentPenalty, latePenaltyCents, RECOVERY_INDEMNITY_CENTS } from "./penalties";
export { renderTemplate, TemplateError, type RenderedTemplate, type RenderOptions } from "./render";
export { smsEncoding, smsSegments, type SmsEncoding, type SmsSegments } from "./sms-segments";
export { findUnknownClips, validateTemplate } from "./validate";
