INSERT INTO "client_custom_fields" ("name") SELECT DISTINCT jsonb_object_keys("custom_fields") FROM "clients" ON CONFLICT DO NOTHING;
