-- The webhook URL's token moves out of the tenant row into a table the events package owns
-- (issue #14: a package keeps its own data). Same columns, same meaning: SHA-256 for the
-- lookup, sealed with the master key so an admin can see the URL again.
CREATE TABLE webhook_endpoint (
    tenant_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES tenant (id),
    token_hash   VARCHAR(64)  NOT NULL,
    token_sealed VARCHAR(200) NOT NULL
);
CREATE UNIQUE INDEX uq_webhook_endpoint_token ON webhook_endpoint (token_hash);

INSERT INTO webhook_endpoint (tenant_id, token_hash, token_sealed)
    SELECT id, webhook_token_hash, webhook_token_sealed FROM tenant
    WHERE webhook_token_hash IS NOT NULL AND webhook_token_sealed IS NOT NULL;

DROP INDEX uq_tenant_webhook_token;
ALTER TABLE tenant DROP COLUMN webhook_token_hash;
ALTER TABLE tenant DROP COLUMN webhook_token_sealed;
