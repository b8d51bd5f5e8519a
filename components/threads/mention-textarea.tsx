"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Textarea } from "@/components/ui/textarea";
import { type MentionChoice, mentionQueryAt } from "@/lib/collaboration/mention-draft";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";

type Suggestion = MentionChoice & { role: Role };

/**
 * The message box: typing `@` suggests active users (arrows to move, Entrée or Tab to pick, Échap to close);
 * a picked person is written `@Name` and remembered in `chosen` so the message carries a stable mention.
 */
export function MentionTextarea({
  id,
  value,
  onChange,
  onChosen,
  onSubmitShortcut,
  ...props
}: Omit<React.ComponentProps<"textarea">, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  onChosen: (person: MentionChoice) => void;
  onSubmitShortcut?: () => void;
}) {
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/utilisateurs/mentions?q=${encodeURIComponent(query.query)}`, { signal: controller.signal });
        if (res.ok) {
          setSuggestions((await res.json()) as Suggestion[]);
          setActive(0);
        }
      } catch {
        // A dropped or superseded request leaves the previous suggestions.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const open = query !== null && suggestions.length > 0;
  const close = () => {
    setQuery(null);
    setSuggestions([]);
  };

  function pick(person: Suggestion) {
    if (!query) return;
    const caret = query.start + 1 + query.query.length;
    const inserted = `@${person.name} `;
    onChange(value.slice(0, query.start) + inserted + value.slice(caret));
    onChosen({ id: person.id, name: person.name });
    close();
    const at = query.start + inserted.length;
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  }

  return (
    <div className="relative">
      <Textarea
        ref={box}
        id={id}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setQuery(mentionQueryAt(event.target.value, event.target.selectionStart));
        }}
        onBlur={() => setTimeout(close, 150)}
        onKeyDown={(event) => {
          if (open && event.key === "ArrowDown") setActive((i) => (i + 1) % suggestions.length);
          else if (open && event.key === "ArrowUp") setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
          else if (open && (event.key === "Enter" || event.key === "Tab")) pick(suggestions[active]);
          else if (open && event.key === "Escape") close();
          else if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) onSubmitShortcut();
          else return;
          event.preventDefault();
          // Escape closes the suggestions, not the panel around the box.
          event.stopPropagation();
        }}
        {...props}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Personnes à mentionner" className="absolute inset-x-0 bottom-full z-10 mb-1 max-h-56 overflow-y-auto rounded-md border bg-popover p-1 shadow-md">
          {suggestions.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={cn("flex cursor-pointer items-baseline justify-between gap-3 rounded-sm px-2 py-1.5 text-sm", i === active && "bg-accent text-accent-foreground")}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{person.name}</span>
              <span className="text-xs text-muted-foreground">{roleLabels[person.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
