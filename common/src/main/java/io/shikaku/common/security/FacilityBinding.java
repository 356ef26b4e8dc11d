package io.shikaku.common.security;

import io.shikaku.contract.Claims;

/** Acting for the facility of the method's {@code facilityCode} parameter. */
public class FacilityBinding extends BindingPermission {

    public FacilityBinding(String name, String facilityCode) {
        super(name, Claims.FACILITY_CODE, facilityCode);
    }
}
