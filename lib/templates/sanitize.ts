/**
 * Allow-list cleaning of email and letter bodies before they are saved: the rich-text editor's formatting
 * survives, anything else (scripts, styles, event handlers, images, iframes) is dropped. Clips are plain text.
 */
import sanitizeHtml from "sanitize-html";

const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h2", "h3", "blockquote", "hr", "a"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Content of these is dropped with the tag rather than kept as text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head"],
};

export function sanitizeTemplateHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Whether a body has no visible text once its markup is removed (the editor's empty document is `<p></p>`). */
export function isBlankHtml(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, "") === "";
}
