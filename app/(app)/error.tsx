"use client";

import { ErrorPanel } from "@/components/errors/error-panel";

/** A page that fails inside the signed-in shell keeps the menu around the error. */
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
