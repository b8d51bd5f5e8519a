"use client";

import { Braces, Search } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { type Clip, clips, clipToken } from "@/lib/templates/clips";
import type { TemplateChannel } from "@/lib/templates/context";

const normalise = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** The clips a field accepts, by their French group: block clips (tables) never go into a subject line. */
function availableClips(channel: TemplateChannel, inSubject: boolean, query: string): [string, Clip[]][] {
  const q = normalise(query.trim());
  const groups = new Map<string, Clip[]>();
  for (const clip of clips as readonly Clip[]) {
    if (clip.channels && !clip.channels.includes(channel)) continue;
    if (inSubject && clip.kind === "block") continue;
    if (q && !normalise(`${clip.group} ${clip.label} ${clip.key}`).includes(q)) continue;
    groups.set(clip.group, [...(groups.get(clip.group) ?? []), clip]);
  }
  return [...groups];
}

/** « Insérer un champ »: a searchable list of the channel's clips; picking one inserts it in the focused field. */
export function TemplateClipPicker({ channel, target, onPick }: { channel: TemplateChannel; target: "subject" | "body"; onPick: (token: string) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const groups = useMemo(() => availableClips(channel, target === "subject", query), [channel, target, query]);

  const picked = useRef(false);
  const pick = (key: string) => {
    picked.current = true;
    setOpen(false);
    setQuery("");
    // The field takes the focus; closing must not give it back to the trigger (see onCloseAutoFocus).
    onPick(clipToken(key));
  };

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" onMouseDown={(event) => event.preventDefault()}>
          <Braces aria-hidden="true" /> Insérer un champ
        </Button>
      </PopoverTrigger>
      <PopoverContent
        align="end"
        className="w-96 p-0"
        aria-label="Insérer un champ"
        // Closed without a pick (Escape, a click outside), the focus goes back to the button.
        onCloseAutoFocus={(event) => {
          if (picked.current) event.preventDefault();
          picked.current = false;
        }}
      >
        <div className="border-b p-2">
          <div className="relative">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
            <input
              type="search"
              autoFocus
              aria-label="Rechercher un champ"
              placeholder="Rechercher un champ…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="h-8 w-full rounded-md border border-input bg-background pl-8 pr-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
            />
          </div>
          <p className="mt-1.5 px-0.5 text-xs text-muted-foreground">Inséré {target === "subject" ? "dans l'objet" : "dans le texte"}, à l&apos;emplacement du curseur.</p>
        </div>
        <div className="max-h-80 overflow-y-auto p-1">
          {groups.length === 0 && <p className="px-2 py-3 text-sm text-muted-foreground">Aucun champ ne correspond.</p>}
          {groups.map(([group, items]) => (
            <div key={group} role="group" aria-label={group} className="py-1">
              <p className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{group}</p>
              {items.map((clip) => (
                <button
                  key={clip.key}
                  type="button"
                  onClick={() => pick(clip.key)}
                  className="flex w-full flex-col items-start rounded px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {/* The group is said before the visible words, which stay in the name (WCAG 2.5.3). */}
                  <span>
                    <span className="sr-only">{group} : </span>
                    {clip.label}
                  </span>
                  <code className="text-xs text-muted-foreground">{clipToken(clip.key)}</code>
                </button>
              ))}
            </div>
          ))}
        </div>
      </PopoverContent>
    </Popover>
  );
}
