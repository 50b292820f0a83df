package io.sitedeck.domotz;

import java.util.List;
import java.util.Objects;

/**
 * Identifies one cacheable upstream GET: which operation about which agent/device with which
 * arguments, on which cell, for whom ({@link DomotzTarget#cacheScope()}: the Domotz user, so keys
 * of one user share the entry, or the key itself).
 */
record CallKey(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId, List<Object> args) {

    /** Same cell, scope and operation; the same agent (or both about none) and, when given, the same device. */
    boolean matches(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId) {
        return this.baseUrl.equals(baseUrl) && this.scope.equals(scope) && this.operation.equals(operation)
                && Objects.equals(this.agentId, agentId) && (deviceId == null || deviceId.equals(this.deviceId));
    }

    boolean concerns(String baseUrl, int agentId, Integer deviceId) {
        return this.baseUrl.equals(baseUrl) && this.agentId != null && this.agentId == agentId
                && (deviceId == null || this.deviceId == null || this.deviceId.equals(deviceId));
    }
}
