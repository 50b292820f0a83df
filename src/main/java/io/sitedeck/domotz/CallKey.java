package io.sitedeck.domotz;

import java.util.List;

/**
 * Identifies one cacheable upstream GET: which operation about which agent/device with which
 * arguments, on which cell, for whom ({@link DomotzTarget#cacheScope()}: the Domotz user, so keys
 * of one user share the entry, or the key itself).
 */
record CallKey(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId, List<Object> args) {

    boolean concerns(String baseUrl, int agentId, Integer deviceId) {
        return this.baseUrl.equals(baseUrl) && this.agentId != null && this.agentId == agentId
                && (deviceId == null || this.deviceId == null || this.deviceId.equals(deviceId));
    }
}
