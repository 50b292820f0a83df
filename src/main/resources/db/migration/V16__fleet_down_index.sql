-- The NOC page's "down now" list (issue #16) reads these columns of every device down in a scope.
-- With all of them in one index the database answers from the index alone, without reading the
-- devices' whole rows (on H2 that meant reading most of the table when many devices were down).
-- Status comes first: H2 looks an IN list up in an index only on its first column. Scope second,
-- so queries by scope alone or by scope and site keep their own indexes.
CREATE INDEX ix_fleet_device_down ON fleet_device (status, scope, importance, status_since, name, agent_id, device_id, source);
DROP INDEX ix_fleet_device_status;
