import { Mail, Phone } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Contact } from "@/db/schema";

export function ContactsCard({ contacts }: { contacts: Contact[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Contacts</CardTitle>
      </CardHeader>
      <CardContent>
        {contacts.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun contact enregistré.</p>
        ) : (
          <ul className="space-y-3">
            {contacts.map((contact) => (
              <li key={contact.id} className="text-sm">
                <p className="flex items-center gap-2 font-medium">
                  {[contact.civility, contact.name].filter(Boolean).join(" ")}
                  <span className="text-xs font-normal capitalize text-muted-foreground">{contact.role}</span>
                  {contact.recipientFor.length > 0 && <Badge variant="info">Destinataire des relances</Badge>}
                </p>
                {contact.email && (
                  <a href={`mailto:${contact.email}`} className="flex items-center gap-1.5 text-muted-foreground hover:underline">
                    <Mail className="size-3.5" aria-hidden="true" /> {contact.email}
                  </a>
                )}
                {(contact.phone || contact.mobile) && (
                  <a href={`tel:${(contact.phone ?? contact.mobile ?? "").replace(/\s/g, "")}`} className="flex items-center gap-1.5 text-muted-foreground hover:underline">
                    <Phone className="size-3.5" aria-hidden="true" /> {contact.phone ?? contact.mobile}
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
