package io.shikaku.eligibility.card;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Registration of My Number cards for use as an insurance card (DOMAIN.md §3, API.md "Cards and insurers"): by the
 * patient for their own person, or by a clinic system at its reader; reading, revocation and withdrawal by the patient
 * only (a lost card is not at any reader).
 */
@Path("/api/v1/card-registrations")
@Tag(name = "My Number cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardRegistrationResource {

    @Inject
    CardRegistrationService registrations;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.PATIENT, Roles.CLINIC})
    @Operation(summary = "Register a My Number card for use as an insurance card",
            description = "Links the card to the person whose insurer linked this My Number. A patient (token"
                    + " person_id) registers only their own card; a clinic system registers at its reader (its"
                    + " facility is recorded). A My Number linked to nobody, or (for a patient) to another person, is"
                    + " 422 MY_NUMBER_NOT_LINKED alike. A card withdrawn or expired may be registered again with the"
                    + " same My Number. The My Number is never stored, logged or returned; personId is answered only"
                    + " to the patient.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the card registration")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: cardSerial not 8 to 40 upper-case hex digits,"
            + " a My Number with a wrong check digit (never echoed), or validUntil missing or in the past")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither a patient nor a clinic system, or the"
            + " token is not bound to a person or facility")
    @APIResponse(responseCode = "409", description = "CARD_ALREADY_REGISTERED: the serial is registered and in force,"
            + " or registered with another My Number")
    @APIResponse(responseCode = "422", description = "MY_NUMBER_NOT_LINKED: no insurer linked this My Number (to you);"
            + " CARD_REVOKED: the serial was revoked and is never registered again")
    public Uni<RestResponse<CardRegistration>> register(@Valid @NotNull CardRegistrationRequest request) {
        Registrar registrar = identity.hasRole(Roles.PATIENT)
                ? Registrar.patient(caller.personId())
                : Registrar.clinic(caller.facilityCode());
        return registrations.register(registrar, request).map(registered -> RestResponse.ResponseBuilder
                .<CardRegistration>created(URI.create("/api/v1/card-registrations/" + registered.cardSerial()))
                .entity(registered).build());
    }

    @GET
    @Path("{cardSerial}")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "The patient's own card and whether it works as an insurance card")
    @APIResponse(responseCode = "200", description = "The card: REGISTERED, WITHDRAWN or REVOKED")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient bound to a person")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such card of this patient's")
    public Uni<CardView> card(@PathParam("cardSerial") String cardSerial) {
        return registrations.own(caller.personId(), cardSerial);
    }

    @DELETE
    @Path("{cardSerial}")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Revoke a lost card",
            description = "The patient's own card only; it is refused (CARD_REVOKED) by every later check and never"
                    + " registered again. Revoking twice is no error.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient bound to a person")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such card of this patient's")
    public Uni<Void> revoke(@PathParam("cardSerial") String cardSerial) {
        return registrations.revoke(caller.personId(), cardSerial);
    }

    @POST
    @Path("{cardSerial}/withdrawal")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Withdraw a card's registration for insurance use (利用登録の解除)",
            description = "The patient's own card only. Checks with it are then 422 CARD_NOT_REGISTERED until the card"
                    + " is registered again (POST /api/v1/card-registrations). Withdrawing twice is no error.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient bound to a person")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such card of this patient's")
    @APIResponse(responseCode = "422", description = "CARD_REVOKED: the card was revoked")
    public Uni<Void> withdraw(@PathParam("cardSerial") String cardSerial) {
        return registrations.withdraw(caller.personId(), cardSerial);
    }
}
