import { Mail, MessageSquare, ScrollText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { channelLabels } from "@/lib/templates/channels";
import type { TemplateChannel } from "@/lib/templates/context";

const icons = { email: Mail, letter: ScrollText, sms: MessageSquare } as const;
const variants = { email: "info", letter: "secondary", sms: "success" } as const;

export function TemplateChannelBadge({ channel }: { channel: TemplateChannel }) {
  const Icon = icons[channel];
  return (
    <Badge variant={variants[channel]}>
      <Icon aria-hidden="true" /> {channelLabels[channel]}
    </Badge>
  );
}
