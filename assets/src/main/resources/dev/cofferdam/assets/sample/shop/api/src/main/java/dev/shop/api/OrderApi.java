package dev.shop.api;

import java.util.List;
import java.util.Optional;

/** Places and reads orders. */
public interface OrderApi {
    OrderDto place(String customerId, List<String> skus);

    Optional<OrderDto> find(String orderId);

    List<OrderDto> recent(int limit);
}
