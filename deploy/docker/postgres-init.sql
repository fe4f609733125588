-- Runs once, when the compose PostgreSQL creates its data directory: the role the CRM services
-- connect as. Neither superuser nor BYPASSRLS, so the row-level security the services put on
-- their read models (libs/platform/src/tenancy) holds for it; it owns what it creates.
CREATE ROLE crm_app LOGIN PASSWORD 'crm_app' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
GRANT CONNECT, CREATE ON DATABASE crm TO crm_app;
