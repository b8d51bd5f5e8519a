import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { CompanyForm } from "@/components/settings/company-form";
import { CompanyLogoForm } from "@/components/settings/company-logo-form";
import { Button } from "@/components/ui/button";
import { getOption } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/session";
import { logoDataUrl } from "@/lib/settings/logo";
import { formatRatePercent } from "@/lib/settings/rate";

export const metadata: Metadata = { title: "Société et courriers" };

export default async function CompanySettingsPage() {
  const { db } = await requireUser("settings.manage");
  const [company, logo, rate] = await Promise.all([
    getOption(db, "company"),
    getOption(db, "companyLogo"),
    getOption(db, "latePaymentRatePercent"),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">Les courriers de relance reprennent ces informations, une fois enregistrées.</p>
        <Button asChild variant="outline" size="sm">
          <a href="/parametrage/societe/apercu" target="_blank" rel="noopener">
            <FileText aria-hidden="true" /> Courrier d&apos;exemple (PDF)
          </a>
        </Button>
      </div>
      <CompanyForm company={company} ratePercent={formatRatePercent(rate)} />
      <CompanyLogoForm logoUrl={logo ? logoDataUrl(logo) : null} />
    </div>
  );
}
