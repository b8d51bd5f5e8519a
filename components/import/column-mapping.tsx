"use client";

import { useState } from "react";
import { selectClassName } from "@/components/forms/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  customFieldKey,
  customFieldName,
  customFieldOf,
  defaultCustomFieldKey,
  MAX_CUSTOM_FIELD_NAME,
} from "@/lib/import/custom-fields";
import type { FieldDef, ImportKind } from "@/lib/import/fields";

/**
 * The choice for one file column: ignored, a standard field, or (clients only) kept as a custom field named after
 * the column's header, a name the admin may change.
 */
export function ColumnMapping({
  kind,
  column,
  header,
  value,
  probable = false,
  fields,
  onChange,
}: {
  kind: ImportKind;
  column: number;
  header: string;
  value: string | undefined;
  /** Suggested from a partial match of the header name: the admin should check it. */
  probable?: boolean;
  fields: readonly FieldDef[];
  onChange: (key: string | undefined) => void;
}) {
  const label = header || `Colonne ${column + 1}`;
  const customName = value === undefined ? null : customFieldOf(value);
  return (
    <div className="space-y-1.5">
      <Label htmlFor={`map-${column}`}>{label}</Label>
      <select
        id={`map-${column}`}
        className={selectClassName}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">— Ignorer —</option>
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
            {f.required ? " *" : ""}
          </option>
        ))}
        {kind === "clients" && (
          <option value={customName === null ? defaultCustomFieldKey(header, column) : value}>Champ personnalisé</option>
        )}
      </select>
      {probable && <p className="text-xs text-warning-foreground">Proposition à vérifier</p>}
      {customName !== null && (
        <CustomFieldName key={value} column={column} columnLabel={label} name={customName} onRename={(name) => onChange(customFieldKey(name))} />
      )}
    </div>
  );
}

function CustomFieldName({
  column,
  columnLabel,
  name,
  onRename,
}: {
  column: number;
  columnLabel: string;
  name: string;
  onRename: (name: string) => void;
}) {
  const [draft, setDraft] = useState(name);
  const commit = () => {
    if (customFieldName(draft) !== name) onRename(draft);
  };
  return (
    <div className="space-y-1 pl-3">
      <Label htmlFor={`custom-name-${column}`} className="text-xs font-normal text-muted-foreground">
        Nom du champ<span className="sr-only"> personnalisé pour la colonne {columnLabel}</span>
      </Label>
      <Input
        id={`custom-name-${column}`}
        value={draft}
        maxLength={MAX_CUSTOM_FIELD_NAME}
        className="h-8"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}
