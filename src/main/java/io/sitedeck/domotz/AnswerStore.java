package io.sitedeck.domotz;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the gateway keeps Domotz's answers: in this instance ({@link LocalAnswers}), or in Redis
 * so several instances share answers, single flight and budget counts ({@link RedisAnswers}).
 */
interface AnswerStore {

    /** The stored answer with the time Domotz sent it, or null. */
    UpstreamCache.Stamped get(CallKey key);

    void put(CallKey key, UpstreamCache.Stamped answer);

    /** Drops the answers of these operations about the agent (and device, when given) on a cell. */
    void invalidate(String baseUrl, int agentId, Integer deviceId, Set<String> operations);

    /**
     * Rewrites the stored answers of one operation about the agent (device: null for any; agent:
     * null for answers about no agent, like listAgents) for one cache scope, keeping the time
     * Domotz sent them. {@code change} answers the same object when it has nothing to change.
     */
    void patch(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId,
               UnaryOperator<Object> change);

    /** The stored answers that {@link #patch} would see, whatever their age, as they are. */
    List<Object> values(String baseUrl, String scope, String operation, Integer agentId, Integer deviceId);

    /**
     * Claims the one upstream call for {@code key} across instances; false while another instance
     * holds it (then its answer is awaited). A claim lapses after {@code atMost}.
     */
    boolean claim(CallKey key, Duration atMost);

    void release(CallKey key);

    /** Counts one call of a key today (UTC) and answers the count so far. */
    int countCall(String fingerprint);

    /** Calls of a key today (UTC), over all instances sharing the store. */
    int callsToday(String fingerprint);
}
