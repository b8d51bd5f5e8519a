import { afterEach, describe, expect, it, vi } from "vitest";
import { onWebhooksPending, signalWebhooksPending } from "./signal";

afterEach(() => vi.useRealTimers());

describe("the nudge that deliveries are waiting", () => {
  it("starts the registered delivery once for a burst of events, a moment later, and again for a later burst", () => {
    vi.useFakeTimers();
    const start = vi.fn();
    onWebhooksPending(start);
    signalWebhooksPending();
    signalWebhooksPending();
    signalWebhooksPending();
    vi.advanceTimersByTime(1_499);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    signalWebhooksPending();
    vi.advanceTimersByTime(1_500);
    expect(start).toHaveBeenCalledTimes(2);
  });
});
