CREATE TABLE "client_custom_fields" (
	"name" text PRIMARY KEY NOT NULL
);
