"use client";

import { clientFields, documentFields, functions } from "@/lib/formulas/catalog";

type Entry = { insert: string; label: string; help: string };

const sections: { title: string; entries: Entry[] }[] = [
  {
    title: "Fonctions",
    entries: Object.entries(functions).map(([name, f]) => ({ insert: `${name}(`, label: f.usage, help: f.help })),
  },
  {
    title: "Champs du client",
    entries: Object.values(clientFields).map((f) => ({ insert: f.name, label: f.name, help: f.help })),
  },
  {
    title: "Champs des pièces (dans SOMME, NB, MOYENNE, MIN, MAX)",
    entries: Object.values(documentFields).map((f) => ({ insert: `pièces.${f.name}`, label: `pièces.${f.name}`, help: f.help })),
  },
];

function Section({ title, entries, onInsert }: { title: string; entries: Entry[]; onInsert: (text: string) => void }) {
  return (
    <section className="space-y-1">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
      <ul className="space-y-0.5">
        {entries.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              onClick={() => onInsert(entry.insert)}
              aria-label={`Insérer ${entry.insert} : ${entry.help}`}
              className="w-full rounded-md px-2 py-1 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
            >
              <code className="block font-mono text-xs">{entry.label}</code>
              <span className="block text-xs text-muted-foreground">{entry.help}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a formula may name, each entry inserted at the cursor when picked. */
export function FormulaReference({ columns, customFields, onInsert }: { columns: string[]; customFields: string[]; onInsert: (text: string) => void }) {
  const named: Entry[] = [
    ...columns.map((name) => ({ insert: `[${name}]`, label: `[${name}]`, help: "Colonne calculée" })),
    ...customFields.map((name) => ({ insert: `[${name}]`, label: `[${name}]`, help: "Champ importé (texte)" })),
  ];
  return (
    <aside aria-labelledby="formula-reference-title" className="space-y-4 rounded-lg border bg-card p-4">
      <div className="space-y-1">
        <h2 id="formula-reference-title" className="text-sm font-medium">
          Référence
        </h2>
        <p className="text-xs text-muted-foreground">
          Séparez les arguments par « ; ». Périodes : <code className="font-mono">90 j</code>, <code className="font-mono">8 sem</code>,{" "}
          <code className="font-mono">6 mois</code>, <code className="font-mono">1 an</code> (3 ans au plus). Majuscules et accents sont
          facultatifs.
        </p>
      </div>
      <div className="max-h-[32rem] space-y-4 overflow-y-auto pr-1">
        {sections.map((s) => (
          <Section key={s.title} {...s} onInsert={onInsert} />
        ))}
        {named.length > 0 && <Section title="Colonnes calculées et champs importés" entries={named} onInsert={onInsert} />}
      </div>
    </aside>
  );
}
