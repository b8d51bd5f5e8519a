/**
 * `npm run user:create -- --email … --name … --password … [--role admin]`: creates an account from the shell,
 * which is how the first administrator of an empty platform gets in. Creates a default entity if none exists.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { createUser, findActiveUserByEmail, listEntities } from "@/db/queries/users";
import { entities } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { roles } from "@/lib/auth/roles";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { env } from "@/lib/env";

const input = z.object({
  email: z.string({ error: "--email : adresse requise" }).trim().toLowerCase().email("--email : adresse invalide"),
  name: z.string({ error: "--name : nom requis" }).trim().min(2, "--name : nom requis"),
  password: z.string({ error: "--password : mot de passe requis" }).min(10, "--password : au moins 10 caractères"),
  role: z.enum(roles, { error: `--role attend ${roles.join(", ")}.` }).default("admin"),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, role: { type: "string" } },
  });
  const parsed = input.safeParse(values);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("\n"));
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  try {
    if (await findActiveUserByEmail(handle.db, parsed.data.email)) throw new CliError("Un utilisateur existe déjà avec cette adresse.");
    await handle.db.transaction(async (tx) => {
      let entityIds = (await listEntities(tx)).map((e) => e.id);
      if (entityIds.length === 0) {
        const [created] = await tx.insert(entities).values({ code: "PRINC", name: "Société principale" }).returning();
        entityIds = [created.id];
      }
      const { password, ...user } = parsed.data;
      const id = await createUser(tx, { ...user, phone: null, entityIds, passwordHash: await hashPassword(password) });
      await recordAudit(tx, { userId: null, action: "user.create", targetType: "user", targetId: id, details: { email: user.email, role: user.role, via: "cli" } });
    });
    console.log(`Compte créé : ${parsed.data.email} (${parsed.data.role}).`);
  } finally {
    await handle.close();
  }
}

runCli(main);
