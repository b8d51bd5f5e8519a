import { Mail, Phone, Smartphone } from "lucide-react";
import { DeleteContactDialog, EditContactDialog, NewContactDialog } from "@/components/clients/contact-dialogs";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Contact } from "@/db/schema";
import { channelLabels, contactRoleLabels } from "@/lib/contacts/roles";

const tel = (number: string) => `tel:${number.replace(/[^+0-9]/g, "")}`;

export function ContactsCard({ clientId, contacts, canEdit }: { clientId: string; contacts: Contact[]; canEdit: boolean }) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between pb-3">
        <CardTitle>Contacts</CardTitle>
        {canEdit && <NewContactDialog clientId={clientId} />}
      </CardHeader>
      <CardContent>
        {contacts.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun contact{canEdit ? " : ajoutez celui qui recevra les relances." : "."}</p>
        ) : (
          <ul className="divide-y" aria-label="Contacts du client">
            {contacts.map((contact) => (
              <li key={contact.id} className="space-y-1 py-3 text-sm first:pt-0 last:pb-0" aria-label={contact.name}>
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">{[contact.civility, contact.name].filter(Boolean).join(" ")}</p>
                    <p className="text-xs text-muted-foreground">{contactRoleLabels[contact.role] ?? contact.role}</p>
                  </div>
                  {canEdit && (
                    <div className="flex shrink-0">
                      <EditContactDialog clientId={clientId} contact={contact} />
                      <DeleteContactDialog clientId={clientId} contact={contact} />
                    </div>
                  )}
                </div>
                {contact.recipientFor.length > 0 && (
                  <Badge variant="info">Relances par {contact.recipientFor.map((c) => channelLabels[c]).join(", ")}</Badge>
                )}
                {contact.email && (
                  <a href={`mailto:${contact.email}`} className="flex items-center gap-1.5 text-muted-foreground hover:underline">
                    <Mail className="size-3.5 shrink-0" aria-hidden="true" /> <span className="truncate">{contact.email}</span>
                  </a>
                )}
                {contact.phone && (
                  <a href={tel(contact.phone)} className="flex items-center gap-1.5 text-muted-foreground hover:underline">
                    <Phone className="size-3.5" aria-hidden="true" /> {contact.phone}
                  </a>
                )}
                {contact.mobile && (
                  <a href={tel(contact.mobile)} className="flex items-center gap-1.5 text-muted-foreground hover:underline">
                    <Smartphone className="size-3.5" aria-hidden="true" /> {contact.mobile}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
