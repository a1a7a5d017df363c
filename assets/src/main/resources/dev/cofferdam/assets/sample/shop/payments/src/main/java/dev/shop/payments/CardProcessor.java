package dev.shop.payments;

import dev.shop.api.Money;

/** Talks to the card network. */
public interface CardProcessor {
    /** @return the processor's reference for the charge */
    String charge(String cardToken, Money amount) throws DeclinedException;

    void refund(String reference, Money amount);

    /** The card was declined. */
    final class DeclinedException extends Exception {
        private static final long serialVersionUID = 1L;

        public DeclinedException(String reason) {
            super(reason);
        }
    }
}
