"use client";

import { Columns3 } from "lucide-react";
import { useTransition } from "react";
import { chooseColumnsAction } from "@/app/(app)/clients/(list)/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

type Option = { key: string; label: string; calculated?: boolean };

/** Lets the user pick the list's columns; the choice lives in a cookie so it follows them to the export and their next visit. */
export function ColumnsChooser({ options, chosen }: { options: Option[]; chosen: string[] }) {
  const [pending, startTransition] = useTransition();

  function toggle(key: string, on: boolean) {
    // Columns keep the chooser's order, whatever order they were ticked in.
    const next = options.map((o) => o.key).filter((k) => (k === key ? on : chosen.includes(k)));
    startTransition(async () => {
      await chooseColumnsAction(null, { columns: next });
    });
  }

  const item = (option: Option) => (
    <div key={option.key} className="flex items-center gap-2">
      <Checkbox
        id={`col-${option.key}`}
        checked={chosen.includes(option.key)}
        disabled={pending}
        onCheckedChange={(value) => toggle(option.key, value === true)}
      />
      <Label htmlFor={`col-${option.key}`} className="font-normal">
        {option.label}
      </Label>
    </div>
  );

  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" aria-busy={pending}>
          <Columns3 className="size-4" aria-hidden="true" /> Colonnes
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="max-h-[70vh] w-64 overflow-y-auto" aria-label="Colonnes affichées">
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">Colonnes affichées</legend>
          {options.filter((o) => !o.calculated).map(item)}
        </fieldset>
        {options.some((o) => o.calculated) && (
          <fieldset className="mt-4 space-y-2">
            <legend className="mb-2 text-sm font-medium">Colonnes calculées</legend>
            {options.filter((o) => o.calculated).map(item)}
          </fieldset>
        )}
      </PopoverContent>
    </Popover>
  );
}
