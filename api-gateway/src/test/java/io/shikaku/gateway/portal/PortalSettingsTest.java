package io.shikaku.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PortalSettingsTest {

    @Test
    void theRealmUrlSplitsIntoKeycloaksBaseAndTheRealm() {
        PortalSettings settings = PortalSettings.of(URI.create("https://id.example.jp/auth/realms/shikaku/"),
                "shikaku-portal");
        assertEquals("https://id.example.jp/auth", settings.authServerUrl());
        assertEquals("shikaku", settings.realm());
        assertEquals("https://id.example.jp", settings.authOrigin());
        assertEquals("/portal/", settings.basePath());
    }

    @Test
    void aUrlWithoutARealmIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class,
                () -> PortalSettings.of(URI.create("https://id.example.jp/"), "shikaku-portal"));
    }
}
