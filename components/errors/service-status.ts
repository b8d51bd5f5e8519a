"use client";

import { useEffect, useState } from "react";

/** What /api/health says while an error page shows: "down" with its reason, "up", or "unknown" when it cannot tell. */
export type ServiceStatus = { state: "checking" | "up" | "unknown" } | { state: "down"; reason: string | null };

export async function fetchServiceStatus(): Promise<ServiceStatus> {
  try {
    const response = await fetch("/api/health", { cache: "no-store" });
    if (response.ok) return { state: "up" };
    if (response.status !== 503) return { state: "unknown" };
    const body = (await response.json()) as { status?: string; reason?: unknown };
    return { state: "down", reason: typeof body.reason === "string" ? body.reason : null };
  } catch {
    return { state: "unknown" };
  }
}

/** Asks again each time `attempt` changes, so a retry also refreshes what the page says. */
function useServiceStatus(attempt: number): ServiceStatus {
  const [status, setStatus] = useState<ServiceStatus>({ state: "checking" });
  useEffect(() => {
    let current = true;
    fetchServiceStatus().then((next) => current && setStatus(next));
    return () => {
      current = false;
    };
  }, [attempt]);
  return status;
}

export type ErrorWording = { title: string; explanation: string };

export function errorWording(status: ServiceStatus): ErrorWording {
  if (status.state === "down") {
    const database = !status.reason || /base de données/i.test(status.reason);
    return {
      title: database ? "La base de données ne répond pas" : "Le service est momentanément indisponible",
      explanation:
        (status.reason && !/ne répond pas\.?$/.test(status.reason) ? `${status.reason} ` : "") +
        "L'application reprendra d'elle-même dès que la base de données sera de nouveau disponible ; vos données ne sont pas perdues.",
    };
  }
  return {
    title: "Une erreur est survenue",
    explanation: "La page n'a pas pu être affichée. L'erreur a été enregistrée dans les journaux du serveur.",
  };
}

/** The reference Next.js gives a server error, also written in the server's log; absent for a browser error. */
export function errorReference(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" && error.digest ? error.digest : null;
}

/**
 * What both error pages show and do: the wording from the service's status, the reference, and a retry that also
 * asks the status again. The error is logged in the browser's console once.
 */
export function useErrorPage(error: unknown, retry: () => void) {
  const [attempt, setAttempt] = useState(0);
  const wording = errorWording(useServiceStatus(attempt));
  useEffect(() => {
    console.error(error);
  }, [error]);
  const retryNow = () => {
    setAttempt((n) => n + 1);
    retry();
  };
  return { ...wording, reference: errorReference(error), retryNow };
}
