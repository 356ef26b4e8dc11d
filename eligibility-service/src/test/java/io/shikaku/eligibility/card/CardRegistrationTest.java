package io.shikaku.eligibility.card;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.shikaku.eligibility.support.Fixtures;

/** Registering, reading, revoking and withdrawing My Number cards (DOMAIN.md §3), never echoing the number. */
@QuarkusTest
class CardRegistrationTest {

    private static final String CLINIC = "0110113719";
    private static final String VALID_UNTIL = "2035-03-31";

    @Inject
    AgroalDataSource db;

    @Inject
    MyNumberHasher hasher;

    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(db);
    }

    private UUID linkedPerson(String myNumber) {
        UUID person = fixtures.person("山田 太郎", "MALE", "1980-04-01");
        fixtures.linkMyNumber(person, hasher.hash(myNumber));
        return person;
    }

    @Test
    void aPatientRegistersTheirOwnCardAndIsToldTheirPersonButNeverTheNumber() {
        String myNumber = Fixtures.freshMyNumber();
        UUID person = linkedPerson(myNumber);
        String serial = Fixtures.freshCardSerial();

        String body = register(Tokens.patient(person), serial, myNumber, VALID_UNTIL)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/card-registrations/" + serial))
                .body("cardSerial", equalTo(serial))
                .body("validUntil", equalTo(VALID_UNTIL))
                .body("registeredAt", notNullValue())
                .body("personId", equalTo(person.toString()))
                .extract().asString();
        assertFalse(body.contains(myNumber), "the My Number is never answered");
    }

    @Test
    void aClinicRegistersAtItsReaderAndIsNotToldThePerson() {
        String myNumber = Fixtures.freshMyNumber();
        linkedPerson(myNumber);
        register(Tokens.clinic(CLINIC), Fixtures.freshCardSerial(), myNumber, VALID_UNTIL)
                .statusCode(201)
                .body("$", not(hasKey("personId")));
    }

    @Test
    void aMyNumberNoInsurerLinkedIsNotLinked() {
        register(Tokens.clinic(CLINIC), Fixtures.freshCardSerial(), Fixtures.freshMyNumber(), VALID_UNTIL)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("MY_NUMBER_NOT_LINKED"));
    }

    @Test
    void aPatientRegisteringAnotherPersonsMyNumberIsToldOnlyThatItIsNotLinked() {
        String othersNumber = Fixtures.freshMyNumber();
        linkedPerson(othersNumber);
        UUID patient = linkedPerson(Fixtures.freshMyNumber());
        String body = register(Tokens.patient(patient), Fixtures.freshCardSerial(), othersNumber, VALID_UNTIL)
                .statusCode(422)
                .body("code", equalTo("MY_NUMBER_NOT_LINKED"))
                .extract().asString();
        String unknown = register(Tokens.patient(patient), Fixtures.freshCardSerial(), Fixtures.freshMyNumber(),
                VALID_UNTIL).statusCode(422).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(unknown,
                io.restassured.path.json.JsonPath.from(body).getString("detail"), "same answer as for nobody's");
    }

    @Test
    void aSerialRegisteredAndInForceCannotBeRegisteredTwice() {
        String myNumber = Fixtures.freshMyNumber();
        linkedPerson(myNumber);
        String serial = Fixtures.freshCardSerial();
        register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL).statusCode(201);
        register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CARD_ALREADY_REGISTERED"));
    }

    @Test
    void concurrentRegistrationsOfOneSerialRegisterItOnceAndAnswerTheRestWithAConflict() throws Exception {
        String myNumber = Fixtures.freshMyNumber();
        linkedPerson(myNumber);
        String serial = Fixtures.freshCardSerial();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL)
                        .extract().statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            java.util.Collections.sort(statuses);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(201, 409, 409, 409), statuses);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRevokedSerialIsNeverRegisteredAgainAndOnlyItsHolderRevokesIt() {
        String myNumber = Fixtures.freshMyNumber();
        UUID person = linkedPerson(myNumber);
        UUID stranger = linkedPerson(Fixtures.freshMyNumber());
        String serial = Fixtures.freshCardSerial();
        register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL).statusCode(201);

        given().auth().oauth2(Tokens.patient(stranger)).delete("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.clinic(CLINIC)).delete("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.patient(person)).get("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(200).body("status", equalTo("REGISTERED"));
        given().auth().oauth2(Tokens.patient(stranger)).get("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.patient(person)).delete("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.patient(person)).delete("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.patient(person)).get("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(200).body("status", equalTo("REVOKED"));

        register(Tokens.patient(person), serial, myNumber, VALID_UNTIL)
                .statusCode(422)
                .body("code", equalTo("CARD_REVOKED"));
        given().auth().oauth2(Tokens.patient(person)).post("/api/v1/card-registrations/{s}/withdrawal", serial)
                .then().statusCode(422).body("code", equalTo("CARD_REVOKED"));
    }

    @Test
    void aWithdrawnCardIsRegisteredAgainWithTheSameMyNumberOnly() {
        String myNumber = Fixtures.freshMyNumber();
        UUID person = linkedPerson(myNumber);
        String otherNumber = Fixtures.freshMyNumber();
        linkedPerson(otherNumber);
        String serial = Fixtures.freshCardSerial();
        register(Tokens.patient(person), serial, myNumber, VALID_UNTIL).statusCode(201);
        given().auth().oauth2(Tokens.patient(person)).post("/api/v1/card-registrations/{s}/withdrawal", serial)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.patient(person)).get("/api/v1/card-registrations/{s}", serial)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        register(Tokens.clinic(CLINIC), serial, otherNumber, VALID_UNTIL)
                .statusCode(409).body("code", equalTo("CARD_ALREADY_REGISTERED"));
        register(Tokens.patient(person), serial, myNumber, VALID_UNTIL).statusCode(201);
    }

    @Test
    void aBadMyNumberSerialOrDateIsRejectedWithoutEchoingTheNumber() {
        String myNumber = Fixtures.freshMyNumber();
        String wrongCheckDigit = myNumber.substring(0, 11) + (char) ('0' + (myNumber.charAt(11) - '0' + 1) % 10);
        String body = register(Tokens.clinic(CLINIC), Fixtures.freshCardSerial(), wrongCheckDigit, VALID_UNTIL)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("myNumber"))
                .extract().asString();
        assertFalse(body.contains(wrongCheckDigit), "the My Number is never echoed");

        register(Tokens.clinic(CLINIC), "abc", myNumber, VALID_UNTIL)
                .statusCode(400).body("errors.field", contains("cardSerial"));
        String yesterday = LocalDate.now(CalendarDates.JAPAN).minusDays(1).toString();
        register(Tokens.clinic(CLINIC), Fixtures.freshCardSerial(), myNumber, yesterday)
                .statusCode(400).body("errors.field", contains("validUntil"));
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", Fixtures.freshCardSerial()))
                .post("/api/v1/card-registrations")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theMyNumberAppearsInNoLogLineWhateverTheOutcome() {
        StringBuilder logged = new StringBuilder();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                logged.append(record.getMessage()).append(java.util.Arrays.toString(record.getParameters()));
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    logged.append(t);
                }
                logged.append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        String myNumber = Fixtures.freshMyNumber();
        String unlinked = Fixtures.freshMyNumber();
        String serial = Fixtures.freshCardSerial();
        try {
            org.jboss.logging.Logger.getLogger(CardRegistrationTest.class).info("log capture works");
            linkedPerson(myNumber);
            register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL).statusCode(201);
            register(Tokens.clinic(CLINIC), serial, myNumber, VALID_UNTIL).statusCode(409);
            register(Tokens.clinic(CLINIC), Fixtures.freshCardSerial(), unlinked, VALID_UNTIL).statusCode(422);
            register(Tokens.clinic(CLINIC), "bad", unlinked.substring(0, 11) + "x", VALID_UNTIL).statusCode(400);
        } finally {
            root.removeHandler(capture);
        }
        String text;
        synchronized (capture) {
            text = logged.toString();
        }
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("log capture works"), text);
        assertFalse(text.contains(myNumber) || text.contains(unlinked) || text.contains(unlinked.substring(0, 11)),
                "a My Number was logged");
    }

    @Test
    void onlyPatientsAndClinicSystemsRegister() {
        register(Tokens.insurer("06130017"), Fixtures.freshCardSerial(), Fixtures.freshMyNumber(), VALID_UNTIL)
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        register(Tokens.as("patient-without-person", "patient"), Fixtures.freshCardSerial(),
                Fixtures.freshMyNumber(), VALID_UNTIL)
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/card-registrations")
                .then().statusCode(401);
    }

    static ValidatableResponse register(String token, String serial, String myNumber, String validUntil) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", serial, "myNumber", myNumber, "validUntil", validUntil))
                .post("/api/v1/card-registrations").then();
    }
}
