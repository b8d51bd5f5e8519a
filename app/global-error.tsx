"use client";

import { useErrorPage } from "@/components/errors/service-status";

// This page replaces the root layout, so the app's stylesheet is absent: it carries its own styles.
const styles = {
  body: { margin: 0, fontFamily: "system-ui, sans-serif", background: "#f7f8fa", color: "#1e2433" },
  main: { minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", padding: 24 },
  card: { maxWidth: 520, width: "100%", background: "#fff", border: "1px solid #e2e5ea", borderRadius: 8, padding: 24 },
  kicker: { margin: 0, fontSize: 14, fontWeight: 600, color: "#b42318" },
  title: { margin: "4px 0 0", fontSize: 24, fontWeight: 600 },
  muted: { color: "#5b6478" },
  list: { color: "#5b6478", fontSize: 14, paddingLeft: 20 },
  code: { background: "#eef0f4", borderRadius: 4, padding: "2px 6px", fontFamily: "ui-monospace, monospace" },
  actions: { display: "flex", flexWrap: "wrap", gap: 12, marginTop: 24 },
  primary: { background: "#1f5f86", color: "#fff", border: 0, borderRadius: 6, padding: "8px 16px", fontSize: 14, cursor: "pointer" },
  secondary: { color: "#1e2433", border: "1px solid #c7ccd6", borderRadius: 6, padding: "7px 16px", fontSize: 14, textDecoration: "none" },
} satisfies Record<string, React.CSSProperties>;

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const { title, explanation, reference, retryNow } = useErrorPage(error, retry);

  return (
    <html lang="fr">
      <body style={styles.body}>
        <title>{`${title} · Encaisse`}</title>
        <main style={styles.main}>
          <section role="alert" aria-labelledby="error-title" style={styles.card}>
            <p style={styles.kicker}>Erreur</p>
            <h1 id="error-title" style={styles.title}>
              {title}
            </h1>
            <p style={styles.muted}>{explanation}</p>
            <h2 style={{ fontSize: 14, marginBottom: 0 }}>Que faire ?</h2>
            <ul style={styles.list}>
              <li>Réessayez dans quelques instants.</li>
              <li>Ou revenez à l&apos;accueil.</li>
              <li>Si le problème persiste, contactez votre administrateur en lui donnant la référence ci-dessous.</li>
            </ul>
            <p style={{ fontSize: 14 }}>
              Référence :{" "}
              {reference ? (
                <code style={styles.code} data-testid="error-reference">
                  {reference}
                </code>
              ) : (
                <span style={styles.muted}>aucune (erreur survenue dans le navigateur)</span>
              )}
            </p>
            <div style={styles.actions}>
              <button
                type="button"
                style={styles.primary}
                onClick={retryNow}
              >
                Réessayer
              </button>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load: the app around this page failed */}
              <a href="/" style={styles.secondary}>
                Revenir à l&apos;accueil
              </a>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
