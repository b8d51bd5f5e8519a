import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * « Indicateurs au » : the day the home's indicators are read at (`?au=`), the latest snapshot when none is chosen.
 * A plain GET form: it works before any script loads and from the keyboard.
 */
export function KpiDateForm({ value, latest, entityId }: { value: string | null; latest: string; entityId?: string }) {
  return (
    <form method="get" action="/" className="flex items-center gap-2 text-sm" aria-label="Date des indicateurs">
      {entityId && <input type="hidden" name="societe" value={entityId} />}
      <label className="flex items-center gap-2">
        <span className="text-muted-foreground">Au</span>
        <Input type="date" name="au" defaultValue={value ?? latest} max={latest} required className="h-9 w-40" />
      </label>
      <Button type="submit" variant="outline" size="sm">
        Afficher
      </Button>
      {value && (
        <Link href={entityId ? `/?societe=${entityId}` : "/"} className="text-primary underline-offset-4 hover:underline">
          Aujourd&apos;hui
        </Link>
      )}
    </form>
  );
}
