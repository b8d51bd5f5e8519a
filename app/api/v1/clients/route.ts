import { clientListQuery } from "@/lib/api/contract/clients";
import { listApiClients } from "@/lib/api/resources/clients";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", query: clientListQuery }, async ({ db, scope, query, today }) => ({
  body: await listApiClients(db, scope, query, today),
}));
