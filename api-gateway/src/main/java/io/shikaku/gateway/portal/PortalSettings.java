package io.shikaku.gateway.portal;

import java.net.URI;

/**
 * What the portal's script needs to sign people in, as {@code /portal/config.json} gives it: Keycloak's base URL,
 * the realm and the client, split from the realm URL {@code <base>/realms/<realm>}.
 */
public record PortalSettings(String authServerUrl, String realm, String clientId, String basePath) {

    static final String BASE_PATH = "/portal/";

    public static PortalSettings of(URI realmUrl, String clientId) {
        String url = realmUrl.toString().replaceAll("/+$", "");
        int at = url.lastIndexOf("/realms/");
        if (at < 0 || at + "/realms/".length() >= url.length()) {
            throw new IllegalArgumentException("shikaku.portal.auth-server-url must end in /realms/<realm>: " + url);
        }
        return new PortalSettings(url.substring(0, at), url.substring(at + "/realms/".length()), clientId, BASE_PATH);
    }

    /** The origin ({@code scheme://host[:port]}) the browser talks to for sign-in, for the content security policy. */
    public String authOrigin() {
        URI uri = URI.create(authServerUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
