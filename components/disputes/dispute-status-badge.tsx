import { Badge } from "@/components/ui/badge";
import { type DisputeStatus, disputeStatusLabels } from "@/lib/disputes/labels";

const variants = {
  open: "warning",
  in_progress: "info",
  waiting_customer: "secondary",
  resolved: "success",
  closed: "outline",
} as const;

export function DisputeStatusBadge({ status }: { status: DisputeStatus }) {
  return <Badge variant={variants[status]}>{disputeStatusLabels[status]}</Badge>;
}
