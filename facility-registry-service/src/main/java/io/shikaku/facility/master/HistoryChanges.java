package io.shikaku.facility.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.shikaku.contract.DomainRule;

/**
 * Which of a facility's fields a change touched: its state compared with the state before it (the first change of a
 * history touched every field it set). Field names are the API's.
 */
@DomainRule
public final class HistoryChanges {

    private static final List<Field> FIELDS = List.of(new Field("type", FacilityState::type),
            new Field("prefecture", FacilityState::prefecture), new Field("name", FacilityState::name),
            new Field("accountRegisteredOn", FacilityState::accountRegisteredOn),
            new Field("readerAppliedOn", FacilityState::readerAppliedOn),
            new Field("readersApplied", FacilityState::readersApplied), new Field("readyOn", FacilityState::readyOn),
            new Field("goLiveOn", FacilityState::goLiveOn),
            new Field("emergencyTerminal", s -> s.emergencyTerminal() ? Boolean.TRUE : null));

    private record Field(String name, Function<FacilityState, Object> value) {
    }

    private HistoryChanges() {
    }

    /** The fields whose value differs between {@code before} (null for the first change) and {@code after}. */
    public static List<String> between(FacilityState before, FacilityState after) {
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            Object now = field.value().apply(after);
            Object then = before == null ? null : field.value().apply(before);
            if (!Objects.equals(then, now)) {
                changed.add(field.name());
            }
        }
        return changed;
    }
}
