package io.shikaku.facility.master;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who changed a facility, as its history keeps it: the access token's subject, and the name they signed in with
 * ({@code preferred_username}) where the token has one, since a subject is an opaque id to the people who read it.
 */
public record Actor(String subject, String name) {

    static Actor of(JsonWebToken token) {
        Object name = token.getClaim("preferred_username");
        if (name instanceof JsonString json) {
            name = json.getString();
        }
        return new Actor(token.getSubject(), name == null ? null : name.toString());
    }
}
