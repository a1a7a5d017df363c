package dev.shop.api;

/** Charges and refunds orders. */
public interface PaymentApi {
    /** @return the payment reference */
    String charge(String orderId, String cardToken);

    void refund(String orderId, Money amount);
}
