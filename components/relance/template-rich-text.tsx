"use client";

import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Bold, Heading2, Italic, List, ListOrdered, type LucideIcon, Quote, Redo2, Underline, Undo2 } from "lucide-react";
import { useImperativeHandle, useRef } from "react";
import { cn } from "@/lib/utils";

export type TextInsertion = { insert: (text: string) => void };

type Tool = { label: string; keys: string; icon: LucideIcon; active?: (e: Editor) => boolean; run: (e: Editor) => void; enabled?: (e: Editor) => boolean };

const tools: Tool[][] = [
  [
    { label: "Gras", keys: "Ctrl+B", icon: Bold, active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
    { label: "Italique", keys: "Ctrl+I", icon: Italic, active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
    { label: "Souligné", keys: "Ctrl+U", icon: Underline, active: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
  ],
  [
    { label: "Titre", keys: "Ctrl+Alt+2", icon: Heading2, active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: "Liste à puces", keys: "Ctrl+Maj+8", icon: List, active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: "Liste numérotée", keys: "Ctrl+Maj+7", icon: ListOrdered, active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { label: "Citation", keys: "Ctrl+Maj+B", icon: Quote, active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  ],
  [
    { label: "Annuler", keys: "Ctrl+Z", icon: Undo2, run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
    { label: "Rétablir", keys: "Ctrl+Maj+Z", icon: Redo2, run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
  ],
];

/** Typography of the formatted body, in the editor (the preview frame carries its own). */
const contentClassName =
  "min-h-64 px-4 py-3 text-sm leading-relaxed outline-none [&_a]:text-primary [&_a]:underline [&_blockquote]:my-2 [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold [&_hr]:my-4 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6";

/** Rich-text body of e-mail and letter templates: a Tiptap editor with a keyboard-usable formatting toolbar. */
export function TemplateRichText({
  id,
  label,
  initialHtml,
  invalid,
  describedBy,
  onChange,
  onFocus,
  ref,
}: {
  id: string;
  label: string;
  initialHtml: string;
  invalid?: boolean;
  describedBy?: string;
  onChange: (html: string) => void;
  onFocus?: () => void;
  ref?: React.Ref<TextInsertion>;
}) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: { openOnClick: false } })],
    content: initialHtml,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        ...(invalid ? { "aria-invalid": "true" } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: contentClassName,
      },
    },
    onUpdate: ({ editor }) => onChange(editor.getHTML()),
    onFocus: () => onFocus?.(),
  });

  useImperativeHandle(
    ref,
    () => ({
      insert: (text) => {
        if (!editor) return;
        editor.chain().insertContent({ type: "text", text }).scrollIntoView().run();
        // Tiptap's focus command waits for the next frame; keys typed meanwhile would be lost.
        editor.view.focus();
      },
    }),
    [editor],
  );

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? tools.flat().map((t) => ({ active: t.active?.(e) ?? false, enabled: t.enabled?.(e) ?? true })) : null),
  });

  return (
    <div className={cn("rounded-md border border-input bg-background shadow-xs focus-within:ring-2 focus-within:ring-ring", invalid && "border-destructive")}>
      <Toolbar editor={editor} state={state} />
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, state }: { editor: Editor | null; state: { active: boolean; enabled: boolean }[] | null }) {
  const bar = useRef<HTMLDivElement>(null);
  // Arrow keys move between the buttons, as in any toolbar; Tab leaves it.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft" && event.key !== "Home" && event.key !== "End") return;
    const buttons = Array.from(bar.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };
  let index = 0;
  return (
    <div ref={bar} role="toolbar" aria-label="Mise en forme" aria-orientation="horizontal" onKeyDown={onKeyDown} className="flex flex-wrap items-center gap-0.5 border-b bg-muted/40 px-1.5 py-1">
      {tools.map((group, g) => (
        <div key={g} className={cn("flex items-center gap-0.5", g > 0 && "ml-1 border-l pl-1")}>
          {group.map((tool) => {
            const s = state?.[index++];
            const Icon = tool.icon;
            return (
              <button
                key={tool.label}
                type="button"
                aria-label={tool.label}
                title={`${tool.label} (${tool.keys})`}
                aria-pressed={tool.active ? Boolean(s?.active) : undefined}
                disabled={!editor || s?.enabled === false}
                // Keeps the editor's selection: the command then applies where the cursor was.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => editor && tool.run(editor)}
                className="inline-flex size-8 items-center justify-center rounded text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-40 aria-pressed:bg-accent aria-pressed:text-foreground"
              >
                <Icon className="size-4" aria-hidden="true" />
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
