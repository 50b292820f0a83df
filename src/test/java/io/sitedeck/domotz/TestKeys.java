package io.sitedeck.domotz;

import java.net.URI;
import java.net.URL;

/** The sandbox keys the test profile configures (application.properties, %test). */
final class TestKeys {

    static final String DEMO = "sandbox-demo-key";
    static final String SECOND = "sandbox-second-key";
    /** A key of its own user with a daily limit of 3 calls. */
    static final String TINY_QUOTA = "sandbox-tiny-quota-key";
    /** A key of its own user: 2 concurrent calls, 400 ms latency. */
    static final String SLOW = "sandbox-slow-key";
    /** A key of its own user whose answers take 3 s, longer than the test read timeout of 2 s. */
    static final String GLACIAL = "sandbox-glacial-key";
    /** A key of its own user, who sees one agent of its own (5036) besides the shared twelve. */
    static final String PRIVATE_AGENT = "sandbox-private-agent-key";
    static final int PRIVATE_AGENT_ID = 5036;

    private TestKeys() {
    }

    static DomotzTarget target(URL sandbox, String key) {
        return new DomotzTarget(URI.create(sandbox.toString()), key);
    }
}
