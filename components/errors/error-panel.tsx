"use client";

import { Button } from "@/components/ui/button";
import { useErrorPage } from "./service-status";

type ErrorPanelProps = { error: unknown; retry: () => void };

/** The error page inside the app: what happened, what to do, and the reference that finds it in the server's log. */
export function ErrorPanel({ error, retry }: ErrorPanelProps) {
  const { title, explanation, reference, retryNow } = useErrorPage(error, retry);

  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center p-6">
      <title>{`${title} · Encaisse`}</title>
      <section role="alert" aria-labelledby="error-title" className="w-full max-w-lg rounded-lg border bg-card p-6 shadow-sm">
        <p className="text-sm font-semibold text-destructive">Erreur</p>
        <h1 id="error-title" className="mt-1 text-2xl font-semibold">
          {title}
        </h1>
        <p className="mt-3 text-muted-foreground">{explanation}</p>
        <h2 className="mt-5 text-sm font-semibold">Que faire ?</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted-foreground">
          <li>Réessayez dans quelques instants.</li>
          <li>Ou revenez à l&apos;accueil.</li>
          <li>Si le problème persiste, contactez votre administrateur en lui donnant la référence ci-dessous.</li>
        </ul>
        <p className="mt-4 text-sm">
          Référence :{" "}
          {reference ? (
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono" data-testid="error-reference">
              {reference}
            </code>
          ) : (
            <span className="text-muted-foreground">aucune (erreur survenue dans le navigateur)</span>
          )}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button
            onClick={retryNow}
          >
            Réessayer
          </Button>
          <Button variant="outline" asChild>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load: the shell around this page may be what failed */}
            <a href="/">Revenir à l&apos;accueil</a>
          </Button>
        </div>
      </section>
    </main>
  );
}
