/**
 * The daily notifications worker: every half hour (the first pass a minute after start), each
 * district's notifications of the day are sent if they have not been yet (use-cases/inbox/
 * daily-notifications.ts). A district's day is its own time zone's, so its digest goes out in the
 * first pass after its midnight; running again the same day sends nothing (decision 0019).
 */
import type { UseCaseDeps } from "../use-cases/deps.ts";
import { sendAllDailyNotifications } from "../use-cases/inbox/daily-notifications.ts";

type Log = { warn(obj: object, msg: string): void };

export const DAILY_NOTIFICATIONS_INTERVAL_MS = 30 * 60_000;
export const DAILY_NOTIFICATIONS_FIRST_DELAY_MS = 60_000;

export function startDailyNotifications(
  log: Log,
  deps: UseCaseDeps,
  options: { intervalMs?: number; firstDelayMs?: number; onPass?: () => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    running = running.then(async () => {
      if (stopped) return;
      await sendAllDailyNotifications(deps, log).catch((err) => log.warn({ err }, "the daily notifications failed"));
      options.onPass?.();
    });
  };
  const first = setTimeout(pass, options.firstDelayMs ?? DAILY_NOTIFICATIONS_FIRST_DELAY_MS);
  const timer = setInterval(pass, options.intervalMs ?? DAILY_NOTIFICATIONS_INTERVAL_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
