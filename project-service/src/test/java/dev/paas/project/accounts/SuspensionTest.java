package dev.paas.project.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuspensionTest {

    @Test
    void namesTheActionRefusedAndBillingsReason() {
        Suspension suspension = new Suspension("the balance stayed at -0.42 USD through the 24 h grace period");

        assertThat(suspension.refusal(NewWork.CREATE_APP)).hasMessage("your account is suspended (the balance "
                + "stayed at -0.42 USD through the 24 h grace period): top up to create apps again");
        assertThat(suspension.refusal(NewWork.DEPLOY)).hasMessageEndingWith(": top up to deploy apps again");
        assertThat(suspension.refusal(NewWork.ROLL_BACK))
                .hasMessageEndingWith(": top up to roll back deployments again");
    }

    @Test
    void saysTheBalanceIsDueWhenBillingGaveNoReason() {
        assertThat(new Suspension(null).refusal(NewWork.CREATE_APP))
                .hasMessage("your account is suspended (its balance is due): top up to create apps again");
        assertThat(new Suspension(" ").refusal(NewWork.DEPLOY))
                .hasMessage("your account is suspended (its balance is due): top up to deploy apps again");
    }
}
