/**
 * Reads the HTML body of a letter (a template rendered by renderTemplate) into the blocks the PDF lays out:
 * paragraphs of styled runs, headings, list items, rules and tables. Unknown tags keep their text; scripts,
 * styles and images are dropped. Entities are decoded here, so an escaped `&lt;b&gt;` prints as « <b> ».
 */
import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";

export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; strike?: boolean; link?: string };

export type Paragraph = {
  kind: "paragraph";
  runs: Run[];
  /** Nesting depth of lists and quotes, each level indents the text. */
  indent: number;
  /** The bullet or number of a list item, on the item's first paragraph only. */
  marker?: string;
  quote?: boolean;
};
export type Heading = { kind: "heading"; level: 2 | 3 | 4; runs: Run[] };
export type TableCell = { text: string; header: boolean; align: "left" | "right" | "center" };
export type TableBlock = { kind: "table"; head: TableCell[][]; body: TableCell[][]; foot: TableCell[][] };
export type Block = Paragraph | Heading | TableBlock | { kind: "rule" } | { kind: "blank" };

type Style = Omit<Run, "text">;
type Place = { indent: number; quote: boolean };

const dropped = new Set(["script", "style", "head", "title", "img", "svg", "iframe", "object", "template"]);
const collapse = (text: string) => text.replace(/[ \t\n\r\f]+/g, " ");

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag") return "";
  if (node.name === "br") return "\n";
  return node.children.map(textOf).join("");
}

function cellAlign(el: Element): TableCell["align"] {
  const align = /text-align\s*:\s*(left|right|center)/i.exec(el.attribs.style ?? "")?.[1] ?? el.attribs.align;
  return align === "right" || align === "center" ? align : "left";
}

function tableRows(el: Element, section: "head" | "body" | "foot", into: TableBlock) {
  for (const child of el.children) {
    if (child.type !== "tag") continue;
    if (child.name === "thead") tableRows(child, "head", into);
    else if (child.name === "tbody") tableRows(child, "body", into);
    else if (child.name === "tfoot") tableRows(child, "foot", into);
    else if (child.name === "tr") {
      const cells = child.children
        .filter((c): c is Element => c.type === "tag" && (c.name === "td" || c.name === "th"))
        .map((c) => ({ text: collapse(textOf(c)).trim(), header: c.name === "th", align: cellAlign(c) }));
      if (cells.length > 0) into[section].push(cells);
    }
  }
}

function safeLink(href: string | undefined): string | undefined {
  return href && /^(https?:|mailto:|tel:)/i.test(href.trim()) ? href.trim() : undefined;
}

class BlockReader {
  readonly blocks: Block[] = [];
  private runs: Run[] = [];
  private marker: string | undefined;

  inline(text: string, style: Style) {
    this.runs.push({ text, ...style });
  }

  /** Ends the paragraph being read; true when it had any text. */
  flush(place: Place, as: "paragraph" | Heading["level"] = "paragraph"): boolean {
    const runs = tidy(this.runs);
    this.runs = [];
    if (runs.length === 0) return false;
    if (as === "paragraph") {
      this.blocks.push({ kind: "paragraph", runs, indent: place.indent, marker: this.marker, quote: place.quote || undefined });
      this.marker = undefined;
    } else {
      this.blocks.push({ kind: "heading", level: as, runs });
    }
    return true;
  }

  read(nodes: ChildNode[], style: Style, place: Place) {
    for (const node of nodes) {
      if (node.type === "text") this.inline(collapse(node.data), style);
      else if (node.type === "tag" || node.type === "script" || node.type === "style") this.element(node, style, place);
    }
  }

  private element(el: Element, style: Style, place: Place) {
    const name = el.name.toLowerCase();
    if (dropped.has(name)) return;
    switch (name) {
      case "br":
        return this.inline("\n", style);
      case "strong":
      case "b":
        return this.read(el.children, { ...style, bold: true }, place);
      case "em":
      case "i":
        return this.read(el.children, { ...style, italic: true }, place);
      case "u":
        return this.read(el.children, { ...style, underline: true }, place);
      case "s":
      case "strike":
      case "del":
        return this.read(el.children, { ...style, strike: true }, place);
      case "a":
        return this.read(el.children, { ...style, link: safeLink(el.attribs.href) }, place);
      case "h1":
      case "h2":
      case "h3":
      case "h4": {
        this.flush(place);
        this.read(el.children, style, place);
        this.flush(place, name === "h1" || name === "h2" ? 2 : name === "h3" ? 3 : 4);
        return;
      }
      case "ul":
      case "ol": {
        this.flush(place);
        let number = Number(el.attribs.start ?? 1) || 1;
        for (const item of el.children) {
          if (item.type !== "tag" || item.name !== "li") continue;
          this.marker = name === "ul" ? "•" : `${number++}.`;
          this.read(item.children, style, { ...place, indent: place.indent + 1 });
          this.flush({ ...place, indent: place.indent + 1 });
          this.marker = undefined;
        }
        return;
      }
      case "blockquote":
        this.flush(place);
        this.read(el.children, { ...style, italic: true }, { indent: place.indent + 1, quote: true });
        this.flush({ indent: place.indent + 1, quote: true });
        return;
      case "hr":
        this.flush(place);
        this.blocks.push({ kind: "rule" });
        return;
      case "table": {
        this.flush(place);
        const table: TableBlock = { kind: "table", head: [], body: [], foot: [] };
        tableRows(el, "body", table);
        if (table.head.length + table.body.length + table.foot.length > 0) this.blocks.push(table);
        return;
      }
      case "p":
      case "div":
      case "section":
      case "article":
      case "header":
      case "footer":
      case "address":
      case "li":
      case "dd":
      case "dt": {
        this.flush(place);
        this.read(el.children, style, place);
        // An empty paragraph is how editors write a blank line.
        if (!this.flush(place) && name === "p" && el.children.every((c) => c.type !== "tag" || c.name === "br")) {
          this.blocks.push({ kind: "blank" });
        }
        return;
      }
      default:
        this.read(el.children, style, place);
    }
  }
}

/** Trims the paragraph's outer spaces and the spaces around line breaks, and joins runs of the same style. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const previous = out.at(-1);
    let text = run.text;
    const atLineStart = !previous || previous.text.endsWith("\n");
    if (atLineStart) text = text.replace(/^ +/, "");
    if (text.startsWith("\n") && previous) previous.text = previous.text.replace(/ +$/, "");
    text = text.replace(/ *\n */g, "\n");
    if (previous?.text.endsWith(" ") && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    const same = previous && previous.bold === run.bold && previous.italic === run.italic && previous.underline === run.underline && previous.strike === run.strike && previous.link === run.link;
    if (same) previous.text += text;
    else out.push({ ...run, text });
  }
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/[ \n]+$/, "");
  return out.filter((r) => r.text !== "");
}

export function htmlToBlocks(html: string): Block[] {
  const document = parseDocument(html, { decodeEntities: true });
  const reader = new BlockReader();
  const place = { indent: 0, quote: false };
  reader.read(document.children, {}, place);
  reader.flush(place);
  return reader.blocks;
}
