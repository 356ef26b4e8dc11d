package io.shikaku.gateway.portal;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the portal's browsers sign in ({@code shikaku.portal.*}); see application.properties. */
@ConfigMapping(prefix = "shikaku.portal")
public interface PortalConfig {

    /**
     * The realm's URL as browsers reach it ({@code https://id.example/realms/shikaku}); it may differ from the one
     * the gateway verifies tokens against (an in-cluster address, say).
     */
    URI authServerUrl();

    /** The realm's public client for the portal (authorization code with PKCE, no secret). */
    @WithDefault("shikaku-portal")
    String clientId();
}
