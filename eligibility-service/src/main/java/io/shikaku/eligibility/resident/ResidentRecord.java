package io.shikaku.eligibility.resident;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One person as the resident registry knows them; the My Number is only read, never returned. */
public record ResidentRecord(
        @Schema(description = "12 digits with a correct check digit; never stored, logged or returned",
                example = "123456789018") String myNumber,
        String name,
        String nameKana,
        @Schema(enumeration = {
                "MALE", "FEMALE"}) String sex,
        LocalDate birthDate,
        String address){
}
