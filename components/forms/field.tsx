"use client";

import { createContext, useContext, useId } from "react";
import { Label } from "@/components/ui/label";

export const FieldErrorsContext = createContext<Record<string, string[]>>({});

/** A labelled form control with the server's validation message for `name` below it. */
export function Field({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: (props: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const errors = useContext(FieldErrorsContext)[name.replace(/\[\]$/, "")];
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, name, ...(errors ? { "aria-invalid": true, "aria-describedby": errorId } : {}) })}
      {errors && (
        <p id={errorId} className="text-xs text-destructive">
          {errors[0]}
        </p>
      )}
    </div>
  );
}

export const selectClassName =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring";
