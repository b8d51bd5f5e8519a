UPDATE "contacts" SET "recipient_for" = '{email,letter,sms}' WHERE "is_default_recipient";
