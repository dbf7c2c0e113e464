package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.database.engine.DatabaseType;
import dev.paas.problems.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, types, versions and prefixes the API accepts, and the messages naming the field when it does not. */
class DatabaseRulesTest {

    @Test
    void acceptsNamesOfLowerCaseLettersDigitsAndDashesStartingWithALetter() {
        assertThat(DatabaseRules.name("a")).isEqualTo("a");
        assertThat(DatabaseRules.name("shop-db-2")).isEqualTo("shop-db-2");
        assertThat(DatabaseRules.name("a" + "b".repeat(39))).hasSize(40);
    }

    @Test
    void refusesOtherNamesNamingTheField() {
        for (String bad : new String[] {"", "2db", "-db", "Shop", "shop_db", "a" + "b".repeat(40), "db.x"}) {
            assertThatThrownBy(() -> DatabaseRules.name(bad)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("name"));
        }
        assertThatThrownBy(() -> DatabaseRules.name(null)).hasMessageContaining("name is required");
    }

    @Test
    void refusesAnUnknownTypeNamingTheAcceptedOnes() {
        assertThat(DatabaseRules.type("PostgreSQL")).isEqualTo(DatabaseType.POSTGRESQL);
        assertThatThrownBy(() -> DatabaseRules.type("oracle")).isInstanceOf(InvalidInput.class)
                .hasMessage("type must be one of postgresql, mysql, mongodb, redis, got 'oracle'");
        assertThatThrownBy(() -> DatabaseRules.type(null)).hasMessageContaining("type is required");
    }

    @Test
    void takesTheDefaultVersionOrAnOfferedOne() {
        assertThat(DatabaseRules.version(null, DatabaseType.POSTGRESQL, List.of("15", "16"))).isEqualTo("15");
        assertThat(DatabaseRules.version("16", DatabaseType.POSTGRESQL, List.of("15", "16"))).isEqualTo("16");
        assertThatThrownBy(() -> DatabaseRules.version("9", DatabaseType.POSTGRESQL, List.of("15")))
                .isInstanceOf(InvalidInput.class).hasMessage("version must be one of 15 for postgresql, got '9'");
    }

    @Test
    void acceptsUpperCasePrefixesAndDefaultsToDatabase() {
        assertThat(DatabaseRules.prefix(null)).isEqualTo("DATABASE");
        assertThat(DatabaseRules.prefix("CACHE_2")).isEqualTo("CACHE_2");
        assertThat(DatabaseRules.prefix("A" + "B".repeat(30))).hasSize(31);
        for (String bad : new String[] {"", "cache", "2DB", "_DB", "DB-X", "A" + "B".repeat(31)}) {
            assertThatThrownBy(() -> DatabaseRules.prefix(bad)).isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("prefix must be");
        }
    }
}
