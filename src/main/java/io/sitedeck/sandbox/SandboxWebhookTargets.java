package io.sitedeck.sandbox;

import java.net.URI;
import java.util.List;

/**
 * Where the embedded sandbox's alert profiles send webhooks when no URL is configured: the
 * console in the same process answers with the webhook URL of every team connected to the
 * embedded sandbox (as if each had put its URL into its Domotz profiles).
 */
public interface SandboxWebhookTargets {

    List<URI> embeddedTargets();
}
