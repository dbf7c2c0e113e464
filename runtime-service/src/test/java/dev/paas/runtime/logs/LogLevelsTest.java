package dev.paas.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLevelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"level":30,"time":1,"msg":"listening"}                     | INFO
            {"level":10,"msg":"x"}                                      | TRACE
            {"level":20,"msg":"x"}                                      | DEBUG
            {"level":40,"msg":"x"}                                      | WARN
            {"level":50,"msg":"x"}                                      | ERROR
            {"level":60,"msg":"x"}                                      | FATAL
            {"level":"warning","msg":"x"}                               | WARN
            {"severity":"ERROR","message":"x"}                          | ERROR
            {"log.level":"debug","message":"x"}                         | DEBUG
            {"msg":"no level here, but ERROR in the text"}              | INFO
            {not json at all ERROR                                      | INFO
            ERROR something broke                                       | ERROR
            ERR connection refused                                      | ERROR
            FATAL out of memory                                         | FATAL
            WARN slow query                                             | WARN
            WARNING:root:deprecated call                                | WARN
            INFO started                                                | INFO
            DEBUG cache miss                                            | DEBUG
            TRACE entering                                              | TRACE
            Error: DATABASE_URL is not set                              | ERROR
            error handling finished                                     | INFO
            2026-12-01T10:00:00.123Z  WARN 1 --- [main] o.s.Foo : slow  | WARN
            2026-12-01 10:00:00,123 ERROR [main] boom                   | ERROR
            [2026-12-01 10:00:00] [warn] disk almost full               | WARN
            10:00:00 [DEBUG] details                                    | DEBUG
            [main] <error> boom                                         | ERROR
            time=2026-12-01T10:00:00Z level=warn msg="slow"             | WARN
            GET /health 200 3ms                                         | INFO
            plain text                                                  | INFO
            ''                                                          | INFO
            """)
    void tellsTheLevelOfALine(String line, LogLevel expected) {
        assertThat(LogLevels.of(line == null ? "" : line)).isEqualTo(expected);
    }
}
