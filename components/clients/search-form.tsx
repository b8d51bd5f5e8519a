import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET form: the search lands in the URL, so the list can be shared and reloaded. */
export function SearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form method="get" action="/clients" role="search" className="flex gap-2">
      <Input
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Code, raison sociale ou SIREN"
        aria-label="Filtrer les clients"
        className="w-72"
      />
      <Button type="submit" variant="secondary">
        <Search className="size-4" aria-hidden="true" /> Rechercher
      </Button>
    </form>
  );
}
