package io.shikaku.common.security;

import java.security.Permission;
import java.util.Objects;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.shikaku.contract.Roles;

/** A request to act for one facility, insurer or person, granted only when the token's binding claim names it. */
public abstract class BindingPermission extends Permission {

    private final String claim;
    private final String value;

    protected BindingPermission(String name, String claim, Object value) {
        super(name);
        this.claim = claim;
        this.value = value == null ? null : value.toString();
    }

    /** Whether the verified caller may act for this value. */
    boolean grantedTo(SecurityIdentity identity) {
        if (Bindings.OWN_FACILITY_OR_PORTAL_ADMIN.equals(getName()) && identity.hasRole(Roles.PORTAL_ADMIN)) {
            return true;
        }
        if (value == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        String bound = BindingClaims.of(token, claim);
        return bound != null && !bound.isEmpty() && bound.equals(value);
    }

    @Override
    public boolean implies(Permission permission) {
        return equals(permission);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BindingPermission that && getClass() == that.getClass()
                && getName().equals(that.getName()) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), getName(), value);
    }

    @Override
    public String getActions() {
        return "";
    }
}
