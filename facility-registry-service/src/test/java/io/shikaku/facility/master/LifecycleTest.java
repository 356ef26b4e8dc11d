package io.shikaku.facility.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 21);
    private static final LifecycleDates NOTHING = new LifecycleDates(null, null, null, null, null);
    private static final LifecycleDates ACCOUNT = new LifecycleDates(LocalDate.of(2021, 4, 1), null, null, null, null);
    private static final LifecycleDates APPLIED = new LifecycleDates(LocalDate.of(2021, 4, 1),
            LocalDate.of(2021, 5, 1), 2, null, null);
    private static final LifecycleDates READY = new LifecycleDates(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 1),
            2,
            LocalDate.of(2021, 9, 1), null);

    @Test
    void theStageIsTheLastStepWhoseDateHasCome() {
        LifecycleDates all = new LifecycleDates(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 1), 1,
                LocalDate.of(2021, 9, 1), LocalDate.of(2021, 12, 1));
        assertEquals(Stage.REGISTERED, Lifecycle.stageOn(all, LocalDate.of(2021, 3, 31)));
        assertEquals(Stage.ACCOUNT_REGISTERED, Lifecycle.stageOn(all, LocalDate.of(2021, 4, 1)));
        assertEquals(Stage.READER_APPLIED, Lifecycle.stageOn(all, LocalDate.of(2021, 8, 31)));
        assertEquals(Stage.READY, Lifecycle.stageOn(all, LocalDate.of(2021, 11, 30)));
        assertEquals(Stage.LIVE, Lifecycle.stageOn(all, LocalDate.of(2021, 12, 1)));
        assertEquals(Stage.REGISTERED, Lifecycle.stageOn(NOTHING, TODAY));
    }

    @Test
    void theAccountIsRegisteredOnceOnItsDate() {
        assertEquals(TODAY, Lifecycle.registerAccount(NOTHING, TODAY, TODAY).accountRegisteredOn());
        assertThrows(Lifecycle.StepRefused.class, () -> Lifecycle.registerAccount(ACCOUNT, TODAY, TODAY));
        assertThrows(Lifecycle.InvalidStep.class, () -> Lifecycle.registerAccount(NOTHING, TODAY.plusDays(1), TODAY));
    }

    @Test
    void readersNeedAnAccountAndAreAppliedForOnceNotBeforeIt() {
        LifecycleDates applied = Lifecycle.applyForReaders(ACCOUNT, FacilityType.HOSPITAL, 3, TODAY, TODAY);
        assertEquals(3, applied.readersApplied());
        assertEquals(ACCOUNT.accountRegisteredOn(), applied.accountRegisteredOn());
        assertThrows(Lifecycle.StepRefused.class,
                () -> Lifecycle.applyForReaders(NOTHING, FacilityType.HOSPITAL, 1, TODAY, TODAY));
        assertThrows(Lifecycle.StepRefused.class,
                () -> Lifecycle.applyForReaders(APPLIED, FacilityType.HOSPITAL, 1, TODAY, TODAY));
        assertThrows(Lifecycle.StepRefused.class,
                () -> Lifecycle.applyForReaders(ACCOUNT, FacilityType.HOSPITAL, 1, LocalDate.of(2021, 3, 31), TODAY));
    }

    @Test
    void aHospitalAppliesForOneToThreeReadersAndEveryoneElseForOne() {
        assertThrows(Lifecycle.InvalidStep.class,
                () -> Lifecycle.applyForReaders(ACCOUNT, FacilityType.HOSPITAL, 4, TODAY, TODAY));
        assertThrows(Lifecycle.InvalidStep.class,
                () -> Lifecycle.applyForReaders(ACCOUNT, FacilityType.HOSPITAL, 0, TODAY, TODAY));
        assertThrows(Lifecycle.InvalidStep.class,
                () -> Lifecycle.applyForReaders(ACCOUNT, FacilityType.PHARMACY, 2, TODAY, TODAY));
        assertEquals(1, Lifecycle.applyForReaders(ACCOUNT, FacilityType.DENTAL_CLINIC, 1, TODAY, TODAY)
                .readersApplied());
    }

    @Test
    void readinessFollowsTheReaderApplicationOnce() {
        assertEquals(TODAY, Lifecycle.markReady(APPLIED, TODAY, TODAY).readyOn());
        assertEquals(APPLIED.readerAppliedOn(),
                Lifecycle.markReady(APPLIED, APPLIED.readerAppliedOn(), TODAY).readyOn());
        assertThrows(Lifecycle.StepRefused.class, () -> Lifecycle.markReady(ACCOUNT, TODAY, TODAY));
        assertThrows(Lifecycle.StepRefused.class, () -> Lifecycle.markReady(READY, TODAY, TODAY));
        assertThrows(Lifecycle.StepRefused.class,
                () -> Lifecycle.markReady(APPLIED, LocalDate.of(2021, 4, 30), TODAY));
    }

    @Test
    void theGoLiveDateNeedsReadinessIsNotBeforeItAndMovesOnlyUntilItHasCome() {
        LifecycleDates planned = Lifecycle.setGoLive(READY, TODAY.plusDays(10), TODAY);
        assertEquals(TODAY.plusDays(10), planned.goLiveOn());
        assertEquals(TODAY.plusDays(20), Lifecycle.setGoLive(planned, TODAY.plusDays(20), TODAY).goLiveOn());
        assertEquals(READY.readyOn(), Lifecycle.setGoLive(READY, READY.readyOn(), TODAY).goLiveOn());
        assertThrows(Lifecycle.StepRefused.class, () -> Lifecycle.setGoLive(APPLIED, TODAY, TODAY));
        assertThrows(Lifecycle.StepRefused.class,
                () -> Lifecycle.setGoLive(READY, READY.readyOn().minusDays(1), TODAY));
        LifecycleDates liveToday = Lifecycle.setGoLive(READY, TODAY, TODAY);
        assertThrows(Lifecycle.StepRefused.class, () -> Lifecycle.setGoLive(liveToday, TODAY.plusDays(5), TODAY));
    }
}
