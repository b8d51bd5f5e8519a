"use client";

import { useRouter } from "next/navigation";
import type { ThreadDetail } from "@/db/queries/threads";
import { ThreadView } from "./thread-view";

/** A thread on its own page: after a change the server page reloads its data. */
export function ThreadPageView({ thread, canWrite }: { thread: ThreadDetail; canWrite: boolean }) {
  const router = useRouter();
  return <ThreadView thread={thread} canWrite={canWrite} onChanged={() => router.refresh()} />;
}
