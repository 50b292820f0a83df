-- A person's own settings of the console (issue #17): table density, the devices tables' columns,
-- notices they dismissed. One row per member, created on the first change; none means the defaults.
CREATE TABLE member_preference (
    user_id           BIGINT       NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    tenant_id         BIGINT       NOT NULL REFERENCES tenant (id),
    density           VARCHAR(16)  NOT NULL,
    device_columns    VARCHAR(200),
    dismissed_notices VARCHAR(400)
);
