package dev.shop.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shop.api.Money;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesMoneyAsAString() {
        assertEquals("{\"amount\":\"1.50\",\"currency\":\"EUR\"}", JsonWriter.money(Money.euros("1.5")));
    }
}
