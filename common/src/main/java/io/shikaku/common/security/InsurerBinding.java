package io.shikaku.common.security;

import io.shikaku.contract.Claims;

/** Acting for the insurer of the method's {@code insurerNumber} parameter. */
public class InsurerBinding extends BindingPermission {

    public InsurerBinding(String name, String insurerNumber) {
        super(name, Claims.INSURER_NUMBER, insurerNumber);
    }
}
