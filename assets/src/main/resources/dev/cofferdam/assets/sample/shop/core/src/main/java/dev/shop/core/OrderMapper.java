package dev.shop.core;

import dev.shop.api.OrderDto;
import java.util.Locale;

/** Turns orders into API objects. */
public final class OrderMapper {
    private OrderMapper() {
    }

    public static OrderDto toDto(Order order) {
        var lines = order.lines().stream()
                .map(l -> new OrderDto.Line(l.product().toDto(), l.quantity(), l.subtotal()))
                .toList();
        return new OrderDto(order.id(), order.customer().toDto(), lines, order.total(),
                order.status().name().toLowerCase(Locale.ROOT));
    }
}
