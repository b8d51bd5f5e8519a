import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** The buttons closing an editor: « Annuler » back to its list, « Enregistrer » submitting the form. */
export function SaveCancel({ cancelHref, pending, className }: { cancelHref: string; pending: boolean; className?: string }) {
  return (
    <div className={cn("flex justify-end gap-2", className)}>
      <Button variant="ghost" asChild>
        <Link href={cancelHref}>Annuler</Link>
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </Button>
    </div>
  );
}
