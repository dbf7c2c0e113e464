package dev.paas.project.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.QuotaExceeded;
import org.junit.jupiter.api.Test;

class AppQuotaTest {

    private final AppQuota free = new AppQuota("free", 3);

    @Test
    void admitsAppsBelowThePlansNumber() {
        assertThatCode(() -> free.admitOneMore(0)).doesNotThrowAnyException();
        assertThatCode(() -> free.admitOneMore(2)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheAppBeyondThePlansNumberNamingTheLimitAndThePlan() {
        assertThatThrownBy(() -> free.admitOneMore(3))
                .isInstanceOfSatisfying(QuotaExceeded.class, refused -> {
                    assertThat(refused.limit()).isEqualTo("maxApps");
                    assertThat(refused.plan()).isEqualTo("free");
                    assertThat(refused.allowed()).isEqualTo(3);
                })
                .hasMessage("the free plan allows 3 apps; you have 3");
    }

    @Test
    void countsAppsAboveTheLimitAsTheyAreAfterADowngrade() {
        assertThatThrownBy(() -> free.admitOneMore(7)).hasMessage("the free plan allows 3 apps; you have 7");
    }

    @Test
    void speaksOfOneAppInTheSingular() {
        assertThatThrownBy(() -> new AppQuota("trial", 1).admitOneMore(1))
                .hasMessage("the trial plan allows 1 app; you have 1");
    }

    @Test
    void aPlanOfNoAppsRefusesTheFirst() {
        assertThatThrownBy(() -> new AppQuota("closed", 0).admitOneMore(0))
                .hasMessage("the closed plan allows 0 apps; you have 0");
    }
}
