import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { ExpectedForecast } from "./expected-forecast";
import type { ExpectedBalances, ExpectedHomeFigures } from "./expected-kpis";

export const password = "Encaisse2026!";
export const accounts = {
  admin: "admin@encaisse.demo",
  supervisor: "superviseur@encaisse.demo",
  collector: "recouvrement1@encaisse.demo",
  collector2: "recouvrement2@encaisse.demo",
  sales: "commercial@encaisse.demo",
  manager: "direction@encaisse.demo",
} as const;
export type Account = keyof typeof accounts;

export const storageState = (account: Account) => path.join("e2e", ".auth", `${account}.json`);

type FixtureClient = { id: string; code: string; name: string; siren: string };
type Fixtures = Record<"distClient" | "clientOfCollector1" | "clientOfCollector2" | "clientForFiche" | "clientForActions" | "clientToReassign" | "clientOfSales", FixtureClient> & {
  /** The day the data was prepared for: the date of the latest snapshot. */
  kpiDate: string;
  disputeForCollaboration: { id: string; clientId: string; clientName: string };
  expectedHome: { admin: ExpectedHomeFigures; collector1: ExpectedBalances };
  expectedForecast: ExpectedForecast;
};
export function fixtures(): Fixtures {
  return JSON.parse(fs.readFileSync(path.join("data", "e2e", "fixtures.json"), "utf8"));
}

export async function logIn(page: Page, email: string, pass = password) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(pass);
  await page.getByRole("button", { name: "Se connecter" }).click();
}
