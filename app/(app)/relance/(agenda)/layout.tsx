import { Settings2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export default async function RelanceAgendaLayout({ children }: { children: React.ReactNode }) {
  const { scope } = await requireUser("relance.work");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Relance</h1>
          <p className="text-sm text-muted-foreground">Les actions de relance à mener, à confirmer et déjà réalisées.</p>
        </div>
        {can(scope.role, "relance.configure") && (
          <Button asChild variant="outline">
            <Link href="/relance/groupes">
              <Settings2 className="size-4" aria-hidden="true" /> Configuration
            </Link>
          </Button>
        )}
      </div>
      {children}
    </div>
  );
}
