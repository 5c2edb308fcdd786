package io.chamber.sse.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class FeatureTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .setLogRecordPredicate(record -> record.getMessage() != null
                    && record.getMessage().startsWith("Installed features"))
            .assertLogRecords(records -> assertThat(records)
                    .map(record -> ((ExtLogRecord) record).getFormattedMessage())
                    .singleElement().asString().contains("chamber-sse"));

    @Test
    void listsTheFeatureAtStartUp() {
        // assertLogRecords above checks the start-up log once the application has stopped
    }
}
