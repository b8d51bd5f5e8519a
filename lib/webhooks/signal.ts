/**
 * A nudge that deliveries are waiting, so they go out within seconds rather than at the next minute's cron.
 * The process that runs jobs registers what the nudge does (start the delivery job); elsewhere — tests, CLI
 * commands — nothing is registered and the cron delivers. Held on globalThis: Next.js loads this module once
 * per bundle, and the registration made at start-up must be seen by the server actions' bundle.
 */
const DEBOUNCE_MS = 1_500;

type SignalState = { start?: () => void; timer?: ReturnType<typeof setTimeout> };
const state = ((globalThis as { encaisseWebhookSignal?: SignalState }).encaisseWebhookSignal ??= {});

export function onWebhooksPending(start: () => void): void {
  state.start = start;
}

/**
 * Called after deliveries were written, usually before their transaction commits: the job starts a moment later,
 * once for a burst of events. Deliveries not yet committed by then are left to the cron.
 */
export function signalWebhooksPending(): void {
  if (!state.start || state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    state.start?.();
  }, DEBOUNCE_MS);
  state.timer.unref?.();
}
