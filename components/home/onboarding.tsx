import { Upload } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** Shown while nothing has been imported: what to do first, and who can do it. */
export function Onboarding({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Card className="mx-auto max-w-2xl">
      <CardHeader>
        <div className="mb-2 flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
          <Upload className="size-6" aria-hidden="true" />
        </div>
        <CardTitle className="text-xl">Bienvenue dans Encaisse</CardTitle>
        <CardDescription>
          Aucune donnée n&apos;a encore été importée : les indicateurs et l&apos;agenda de relance se rempliront dès le
          premier import.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {isAdmin ? (
          <ol className="list-decimal space-y-2 pl-5">
            <li>Importez votre fichier clients (codes, raisons sociales, SIREN, chargés de recouvrement).</li>
            <li>Importez vos pièces comptables ouvertes (factures, avoirs, règlements non lettrés) ou votre FEC.</li>
            <li>Encaisse calcule chaque nuit l&apos;encours, l&apos;échu et la balance âgée de chaque client.</li>
          </ol>
        ) : (
          <p>Votre administrateur n&apos;a pas encore importé les données clients. Revenez après le premier import.</p>
        )}
        {isAdmin && (
          <Button asChild>
            <Link href="/import">Importer mes données</Link>
          </Button>
        )}
        {isAdmin && (
          <p className="rounded-md bg-muted p-3 text-muted-foreground">
            Pour découvrir Encaisse sur des données fictives, arrêtez le serveur et lancez{" "}
            <code className="font-mono text-foreground">npm run db:seed</code>.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
