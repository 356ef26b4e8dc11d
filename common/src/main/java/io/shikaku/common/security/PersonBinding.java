package io.shikaku.common.security;

import java.util.UUID;

import io.shikaku.contract.Claims;

/** Acting as the person of the method's {@code personId} parameter. */
public class PersonBinding extends BindingPermission {

    public PersonBinding(String name, UUID personId) {
        super(name, Claims.PERSON_ID, personId);
    }
}
