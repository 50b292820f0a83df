package io.sitedeck.domotz;

import java.time.Duration;
import java.util.List;

/**
 * Identifies one cacheable upstream GET: which key (by fingerprint) on which cell asked which
 * operation about which agent/device with which arguments. {@code ttl} rides along so the cache
 * can expire each entry after its own freshness.
 */
record CallKey(String baseUrl, String fingerprint, String operation, Integer agentId, Integer deviceId,
               List<Object> args, Duration ttl) {

    boolean concerns(String baseUrl, int agentId, Integer deviceId) {
        return this.baseUrl.equals(baseUrl) && this.agentId != null && this.agentId == agentId
                && (deviceId == null || this.deviceId == null || this.deviceId.equals(deviceId));
    }
}
