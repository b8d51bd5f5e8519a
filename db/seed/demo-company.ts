import type { Queryable } from "@/db/client";
import { setOption } from "@/db/queries/settings";

/** The demo company's identity as printed on its letters (fictitious; the IBAN has valid keys). */
export const demoCompany = {
  name: "Bati-Pro Distribution",
  address: "27 rue de la Villette\n69003 Lyon",
  city: "Lyon",
  phone: "04 72 60 18 40",
  email: "credit-clients@bati-pro.demo",
  legalMentions: "SAS au capital de 1 250 000 € – RCS Lyon 512 345 679 – TVA FR75 512 345 679 – APE 4673A",
  iban: "FR76 1009 6180 0000 0123 4560 143",
  bic: "CMCIFRPP",
  signature: "Claire Martin\nResponsable crédit clients",
};

export async function seedDemoCompany(db: Queryable): Promise<void> {
  await setOption(db, "company", demoCompany);
  await setOption(db, "latePaymentRatePercent", "12.15");
}
