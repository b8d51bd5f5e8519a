import type { Metadata } from "next";
import { CompanyForm } from "@/components/settings/company-form";
import { CompanyLogoForm } from "@/components/settings/company-logo-form";
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
      <CompanyForm company={company} ratePercent={formatRatePercent(rate)} />
      <CompanyLogoForm logoUrl={logo ? logoDataUrl(logo) : null} />
    </div>
  );
}
