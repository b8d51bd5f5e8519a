import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { ConfigurationTabs } from "@/components/relance/configuration-tabs";
import { requireUser } from "@/lib/auth/session";

export default async function RelanceConfigurationLayout({ children }: { children: React.ReactNode }) {
  await requireUser("relance.configure");
  return (
    <div className="space-y-6">
      <Link href="/relance" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> Agenda de relance
      </Link>
      <ConfigurationTabs />
      {children}
    </div>
  );
}
