import type { AnyJob } from "../define-job";
import { dailySnapshotJob } from "./daily-snapshot";
import { deliverWebhooksJob } from "./deliver-webhooks";
import { importDropJob } from "./import-drop";
import { importFileJob } from "./import-file";
import { nightlyRunJob } from "./nightly-run";
import { notificationDigestJob } from "./notification-digest";
import { scenarioForecastJob } from "./scenario-forecast";
import { scoreBacktestJob } from "./score-backtest";
import { kpiReportJob } from "./kpi-report";
import { sendActionJob } from "./send-action";

export const jobs: AnyJob[] = [nightlyRunJob, dailySnapshotJob, importFileJob, importDropJob, sendActionJob, notificationDigestJob, scoreBacktestJob, deliverWebhooksJob, scenarioForecastJob, kpiReportJob];
export const inngestFunctions = jobs.map((job) => job.fn);

export function findJob(id: string) {
  return jobs.find((job) => job.id === id);
}
