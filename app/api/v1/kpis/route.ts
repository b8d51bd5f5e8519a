import { kpisQuery } from "@/lib/api/contract/kpis";
import { readApiKpis } from "@/lib/api/resources/kpis";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", query: kpisQuery }, async ({ db, scope, query, today }) => ({
  body: await readApiKpis(db, scope, query, today),
}));
