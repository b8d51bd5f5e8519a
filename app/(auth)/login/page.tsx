import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/shell/logo";
import { requestOrigin } from "@/lib/auth/request-origin";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const returnPath = safeReturnPath(callbackUrl, requestOrigin(await headers()));
  // currentUser, not auth(): a cookie left over from a session that was logged out must not bounce back here.
  if (await currentUser()) redirect("/");
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-sidebar p-12 text-sidebar-foreground lg:flex">
        <Logo />
        <div className="space-y-4">
          <p className="text-3xl font-semibold leading-tight">
            Chaque matin, qui relancer, comment, et où en est votre trésorerie.
          </p>
          <ul className="space-y-2 text-sidebar-foreground/75">
            <li>Agenda de relance par chargé de recouvrement</li>
            <li>Relances automatiques validées en masse</li>
            <li>Encours, échu, balance âgée et DSO à jour chaque jour</li>
          </ul>
        </div>
        <p className="text-sm text-sidebar-foreground/60">Encaisse — gestion du poste clients</p>
      </section>
      <section className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm space-y-6">
          <div className="lg:hidden">
            <Logo className="text-foreground" />
          </div>
          <div className="space-y-1">
            <h1 className="text-2xl font-semibold">Connexion</h1>
            <p className="text-sm text-muted-foreground">Identifiez-vous avec votre adresse e-mail professionnelle.</p>
          </div>
          <LoginForm callbackUrl={returnPath} />
        </div>
      </section>
    </main>
  );
}
