"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { removeLogoAction, saveLogoAction } from "@/app/(app)/parametrage/societe/actions";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/action";
import { LOGO_MAX_BYTES } from "@/lib/settings/logo";
import { cn } from "@/lib/utils";

const logoError = "Le logo doit être une image PNG ou JPEG de 512 Ko au plus.";

export function CompanyLogoForm({ logoUrl }: { logoUrl: string | null }) {
  const inputId = useId();
  const [selected, setSelected] = useState<{ url: string; name: string; tooLarge: boolean } | null>(null);
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(async (previous, form) => {
    const result = await (form.get("intent") === "remove" ? removeLogoAction : saveLogoAction)(previous, form);
    if (result.ok) setSelected(null);
    return result;
  }, null);
  useEffect(
    () => () => {
      if (selected) URL.revokeObjectURL(selected.url);
    },
    [selected],
  );

  const error = selected?.tooLarge ? logoError : state && !state.ok ? (state.fieldErrors?.logo?.[0] ?? state.error) : null;
  const previewUrl = selected?.url ?? logoUrl;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Logo</CardTitle>
        <CardDescription>Imprimé en haut à gauche des courriers. PNG ou JPEG, 512 Ko au plus.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          // The file input is emptied after a save: a remount is the only way to clear it.
          key={logoUrl ?? "none"}
          className="flex flex-wrap items-start gap-6"
          onSubmit={(event) => {
            event.preventDefault();
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            const data = new FormData(event.currentTarget);
            data.set("intent", submitter?.value ?? "save");
            if (submitter?.value !== "remove" && selected?.tooLarge) return;
            startTransition(() => formAction(data));
          }}
        >
          <div className="flex h-24 w-48 items-center justify-center rounded-md border bg-white p-2">
            {previewUrl ? (
              // A data URL chosen by the user: next/image has nothing to optimise here.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={previewUrl} alt={selected ? "Aperçu du nouveau logo" : "Logo de la société"} className="max-h-full max-w-full object-contain" />
            ) : (
              <span className="text-xs text-muted-foreground">Aucun logo</span>
            )}
          </div>
          <div className="min-w-64 flex-1 space-y-3">
            <div className="space-y-1.5">
              <Label htmlFor={inputId}>Fichier du logo</Label>
              <div className="flex min-w-0 items-center gap-3">
                <input
                  id={inputId}
                  name="logo"
                  type="file"
                  accept="image/png,image/jpeg"
                  className="peer sr-only"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    setSelected(file ? { url: URL.createObjectURL(file), name: file.name, tooLarge: file.size > LOGO_MAX_BYTES } : null);
                  }}
                />
                {/* The browser's own file button speaks the browser's language; this one speaks French. */}
                <label
                  htmlFor={inputId}
                  className={cn(buttonVariants({ variant: "outline" }), "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-2")}
                >
                  Choisir un fichier…
                </label>
                <span className="truncate text-sm text-muted-foreground">{selected?.name ?? "Aucun fichier choisi"}</span>
              </div>
              {error && (
                <p id={`${inputId}-error`} className="text-xs text-destructive">
                  {error}
                </p>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Button type="submit" name="intent" value="save" disabled={pending || !selected}>
                <ImageUp aria-hidden="true" /> {pending ? "Enregistrement…" : "Enregistrer le logo"}
              </Button>
              {logoUrl && (
                <Button type="submit" name="intent" value="remove" variant="outline" disabled={pending}>
                  <Trash2 aria-hidden="true" /> Retirer le logo
                </Button>
              )}
              <span role="status" className="text-sm text-success">
                {state?.ok ? state.message : null}
              </span>
            </div>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
