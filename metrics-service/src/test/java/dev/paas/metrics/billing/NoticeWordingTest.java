package dev.paas.metrics.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeWordingTest {

    @Test
    void tellsHowManyHoursTheBalanceLastsAtTheCurrentBurn() {
        assertThat(NoticeWording.walletLow("1.2500", "USD", "2.4000", "0.1000")).isEqualTo(
                "Your balance is low: 1.2500 USD left, about 12 h at 0.1000 USD/h. Top up to keep your apps running.");
    }

    @Test
    void saysLessThanAnHourWhenTheBalanceLastsNoFullHour() {
        assertThat(NoticeWording.walletLow("0.0500", "EUR", "2.4000", "0.1000"))
                .startsWith("Your balance is low: 0.0500 EUR left, less than an hour at 0.1000 EUR/h.");
        assertThat(NoticeWording.walletLow("-0.2000", "EUR", "2.4000", "0.1000"))
                .contains("less than an hour");
    }

    @Test
    void namesTheThresholdWhenNothingBurnsOrTheFiguresAreUnreadable() {
        assertThat(NoticeWording.walletLow("1.0000", "USD", "5.0000", "0.0000")).isEqualTo(
                "Your balance is low: 1.0000 USD left (below 5.0000 USD). Top up to keep your apps running.");
        assertThat(NoticeWording.walletLow("1.0000", "USD", "5.0000", "n/a")).contains("(below 5.0000 USD)");
    }

    @Test
    void givesTheSuspensionsReasonAndWhatItStopped() {
        assertThat(NoticeWording.accountSuspended("-0.4200", "USD",
                "the balance stayed at -0.42 USD through the 24 h grace period")).isEqualTo(
                "Your account is suspended: the balance stayed at -0.42 USD through the 24 h grace period. Your apps"
                        + " and databases are stopped; their images and data are kept. Top up (balance -0.4200 USD)"
                        + " to start them again.");
        assertThat(NoticeWording.accountSuspended("-1.0000", "USD", null))
                .startsWith("Your account is suspended: your balance is -1.0000 USD.");
    }

    @Test
    void saysTheAccountIsActiveAgain() {
        assertThat(NoticeWording.accountReinstated("5.0000", "USD")).isEqualTo(
                "Your account is active again: your balance is 5.0000 USD. Your apps and databases are being started"
                        + " again.");
    }
}
