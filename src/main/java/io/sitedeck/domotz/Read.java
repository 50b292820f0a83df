package io.sitedeck.domotz;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One cached read, spelled out: the operation, how long its answer stays fresh (before the
 * budget adapts it), what it is about and with which arguments, and optionally a stand-in — the
 * arguments of an answer that may be served at once while this one is fetched (a history window
 * five minutes earlier, when a page's window has just moved on).
 *
 * @param <T> the answer's type, which the operation and the upstream call must agree on
 */
record Read<T>(Operation<T> operation, Duration ttl, Integer agentId, Integer deviceId, List<Object> args,
            List<Object> standInArgs) {

    static <T> Read<T> of(Operation<T> operation, Duration ttl, Integer agentId, Integer deviceId, Object... args) {
        return new Read<>(operation, ttl, agentId, deviceId, Arrays.asList(args), null);
    }

    Read<T> standingIn(List<Object> previousArgs) {
        return new Read<>(operation, ttl, agentId, deviceId, args, previousArgs);
    }

    CallKey key(DomotzTarget target) {
        return new CallKey(target.baseUrl().toString(), target.cacheScope(), operation.name(), agentId, deviceId, args);
    }

    CallKey standInKey(DomotzTarget target) {
        return new CallKey(target.baseUrl().toString(), target.cacheScope(), operation.name(), agentId, deviceId,
                standInArgs);
    }
}
