import {
  agencyByRegion, areas, cities, companyNames, companyPatterns, companyStems, contactRoles, legalForms, menFirstNames,
  sectorByStem, streets, womenFirstNames,
} from "./french-data";
import type { Random } from "./random";
import { sirenFromBase, siretFromSiren, vatFromSiren } from "@/lib/siren";

export type SeedClient = {
  entityIndex: number;
  code: string;
  name: string;
  siren: string;
  siret: string;
  vatNumber: string;
  address: string;
  postalCode: string;
  city: string;
  department: string;
  region: string;
  phone: string;
  email: string;
  paymentTermsDays: number;
  creditLimit: string | null;
  collectorIndex: number;
  salesRepIndex: number;
  riskScore: number | null;
  customFields: Record<string, string>;
  // Payment behaviour, used by the SQL that generates documents.
  meanLateness: number;
  latenessSpread: number;
  stoppedPayingDaysAgo: number | null;
  documentCount: number;
};

export type SeedContact = { clientCode: string; entityIndex: number; civility: string; name: string; role: string; email: string; phone: string; mobile: string; recipientFor: string[] };

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const phone = (random: Random, prefix: string) =>
  `${prefix} ${Array.from({ length: 4 }, () => String(random.int(0, 99)).padStart(2, "0")).join(" ")}`;

function pickIndex(random: Random, shares: number[]) {
  let r = random.next();
  for (let i = 0; i < shares.length; i++) {
    r -= shares[i];
    if (r < 0) return i;
  }
  return shares.length - 1;
}

/** Behaviour mix: ~40 % on time, ~35 % a little late, ~17 % chronic late payers, a few who stopped paying. */
function behaviour(random: Random) {
  const r = random.next();
  if (r < 0.4) return { meanLateness: random.int(-5, 3), latenessSpread: 8, stoppedPayingDaysAgo: null };
  if (r < 0.75) return { meanLateness: random.int(10, 30), latenessSpread: 20, stoppedPayingDaysAgo: null };
  if (r < 0.92) return { meanLateness: random.int(45, 120), latenessSpread: 60, stoppedPayingDaysAgo: null };
  return { meanLateness: random.int(20, 60), latenessSpread: 30, stoppedPayingDaysAgo: random.int(60, 240) };
}

export function generateClients(random: Random, count: number, meanDocuments: number, collectorShares: number[]) {
  const clients: SeedClient[] = [];
  const contacts: SeedContact[] = [];
  const perEntity = [0, 0];
  for (let i = 0; i < count; i++) {
    const entityIndex = random.chance(0.7) ? 0 : 1;
    const code = `C${String(++perEntity[entityIndex]).padStart(6, "0")}`;
    const [city, postalCode, department, region] = random.pick(cities);
    // Drawn in the same order as always, so the stem can name the sector without changing the rest of the data.
    const pattern = random.pick(companyPatterns);
    const stem = random.pick(companyStems);
    const base = pattern.replace("{stem}", stem).replace("{name}", random.pick(companyNames)).replace("{area}", random.pick(areas));
    const name = `${base} ${random.pick(legalForms)}`;
    const siren = sirenFromBase(random.int(30_000_000, 99_999_999));
    const domain = `${slug(base).slice(0, 28)}.fr`;
    clients.push({
      entityIndex,
      code,
      name,
      siren,
      siret: siretFromSiren(siren, random.int(1, 40)),
      vatNumber: vatFromSiren(siren),
      address: `${random.int(1, 180)} ${random.pick(streets)}`,
      postalCode,
      city,
      department,
      region,
      phone: phone(random, random.pick(["01", "02", "03", "04", "05"])),
      email: `contact@${domain}`,
      paymentTermsDays: random.pick([30, 30, 45, 60]),
      creditLimit: random.chance(0.8) ? String(random.pick([5, 10, 15, 20, 30, 50, 75, 100, 150]) * 1000) : null,
      collectorIndex: pickIndex(random, collectorShares),
      salesRepIndex: random.int(0, 1),
      riskScore: random.chance(0.5) ? random.int(1, 100) : null,
      customFields: { Secteur: sectorByStem[stem], Agence: agencyByRegion[region] },
      ...behaviour(random),
      documentCount: Math.max(1, Math.round(meanDocuments * (0.2 + 1.6 * random.next()))),
    });
    const contactCount = random.int(1, 3);
    for (let c = 0; c < contactCount; c++) {
      const woman = random.chance(0.5);
      const first = random.pick(woman ? womenFirstNames : menFirstNames);
      const last = random.pick(companyNames);
      contacts.push({
        clientCode: code,
        entityIndex,
        civility: woman ? "Madame" : "Monsieur",
        name: `${first} ${last}`,
        role: contactRoles[c],
        email: `${slug(first)}.${slug(last)}@${domain}`,
        phone: phone(random, "0" + random.int(1, 5)),
        mobile: phone(random, random.pick(["06", "07"])),
        recipientFor: c === 0 ? ["email", "letter", "sms"] : [],
      });
    }
  }
  return { clients, contacts };
}
