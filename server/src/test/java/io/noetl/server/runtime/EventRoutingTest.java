package io.noetl.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import org.junit.jupiter.api.Test;

class EventRoutingTest {

    @Test
    void serverOwnEventsAndTopLevelPlaybookEndsAreSkipped() {
        for (String type : new String[] {EventTypes.PLAYBOOK_STARTED, EventTypes.STEP_ENTER, EventTypes.STEP_EXIT,
                EventTypes.COMMAND_ISSUED, EventTypes.RETRY_SCHEDULED, EventTypes.LOOP_ITEM, EventTypes.LOOP_DONE,
                EventTypes.PLAYBOOK_COMPLETED, EventTypes.PLAYBOOK_FAILED, EventTypes.PLAYBOOK_CANCELLED}) {
            assertThat(EventRouting.skip(Event.builder(type, "E1").build())).as(type).isTrue();
        }
    }

    @Test
    void workerEventsAndDecisionsAreAppliedToTheirOwnExecution() {
        for (String type : new String[] {EventTypes.COMMAND_CLAIMED, EventTypes.COMMAND_STARTED, EventTypes.CALL_DONE,
                EventTypes.CALL_ERROR, EventTypes.DECISION_RECORDED}) {
            Event e = Event.builder(type, "E1").build();
            assertThat(EventRouting.skip(e)).as(type).isFalse();
            assertThat(EventRouting.target(e)).isEqualTo("E1");
        }
    }

    @Test
    void aChildExecutionsEndIsAppliedToItsParent() {
        Event e = Event.builder(EventTypes.PLAYBOOK_COMPLETED, "CHILD").parentExecutionId("PARENT").build();

        assertThat(EventRouting.skip(e)).isFalse();
        assertThat(EventRouting.target(e)).isEqualTo("PARENT");
    }

    @Test
    void theEventTypeHeaderAloneDecidesSkippingForTypesNeverApplied() {
        assertThat(EventRouting.skipType(EventTypes.STEP_ENTER)).isTrue();
        assertThat(EventRouting.skipType(EventTypes.COMMAND_COMPLETED)).isTrue();
        // playbook ends depend on the parent id in the body, so the header alone never skips them
        assertThat(EventRouting.skipType(EventTypes.PLAYBOOK_COMPLETED)).isFalse();
        assertThat(EventRouting.skipType(EventTypes.CALL_DONE)).isFalse();
        assertThat(EventRouting.skipType(EventTypes.DECISION_RECORDED)).isFalse();
    }

    @Test
    void eventsWithoutTypeOrExecutionAreSkipped() {
        assertThat(EventRouting.skip(Event.builder(null, "E1").build())).isTrue();
        assertThat(EventRouting.skip(Event.builder(EventTypes.CALL_DONE, null).build())).isTrue();
    }
}
