package org.mercato.scenarios.magentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.domain.Customer;

/**
 * Money and quantities in a Magentic dataset are bounded like a scenario's: a price or value above
 * 10,000,000.00 and a quantity above 1,000,000 are refused with the file, line, column and field; a
 * quantity of seven digits within the bound is read as written (it used to be read as 1).
 */
class MagenticMoneyTest {
    @TempDir
    Path dir;

    private Path dataset(String price, String value, String request) throws IOException {
        Path folder = dir.resolve("market");
        Files.createDirectories(folder.resolve("businesses"));
        Files.createDirectories(folder.resolve("customers"));
        Files.writeString(folder.resolve("businesses/taqueria.yaml"), """
                id: taqueria
                name: Taqueria
                rating: 4.5
                menu_features:
                  Tacos: %s
                  Horchata: 3.00
                amenity_features:
                  Patio: true
                """.formatted(price));
        Files.writeString(folder.resolve("customers/ana.yaml"), """
                id: ana
                name: Ana
                request: %s
                menu_features:
                  Tacos: %s
                amenity_features: []
                """.formatted(request, value));
        return folder;
    }

    private static MagenticFormatException refused(Path folder) {
        return (MagenticFormatException) assertThatThrownBy(() -> MagenticImporter.read(folder))
                .isInstanceOf(MagenticFormatException.class)
                .actual();
    }

    @Test
    void aHugePriceIsRefusedAtItsLine() throws IOException {
        Path folder = dataset("92233720368547758", "10.00", "I want 'Tacos' (2)");

        MagenticFormatException e = refused(folder);

        assertThat(e.getMessage())
                .isEqualTo(folder.resolve("businesses/taqueria.yaml") + ":5:10: menu_features['Tacos']: a price must be"
                        + " at most 10000000.00 (the largest amount of money Mercato accepts), was 92233720368547758");
    }

    @Test
    void aHugeCustomerValueIsRefusedAtItsLine() throws IOException {
        Path folder = dataset("9.50", "1e17", "I want 'Tacos' (2)");

        assertThat(refused(folder).getMessage())
                .startsWith(folder.resolve("customers/ana.yaml") + ":5:10: menu_features['Tacos']: a price must be at"
                        + " most 10000000.00");
    }

    @Test
    void aQuantityAboveTheMaximumIsRefusedNotReadAsOne() throws IOException {
        Path folder = dataset("9.50", "10.00", "I want 'Tacos' (12345678901234567890)");

        assertThat(refused(folder).getMessage())
                .isEqualTo(folder.resolve("customers/ana.yaml") + ":3:10: request: the quantity of 'Tacos' must be at"
                        + " most 1000000 (the largest quantity Mercato accepts), was 12345678901234567890");
    }

    @Test
    void aSevenDigitQuantityWithinTheMaximumIsReadAsWritten() throws IOException {
        Path folder = dataset("9.50", "10.00", "I want 1000000 Tacos");

        Customer ana = MagenticImporter.read(folder).catalog().customers().get(0);

        assertThat(ana.items()).containsEntry("Tacos", 1_000_000);
        assertThat(ana.fulfilledValue()).isEqualTo(2L * 1_000_000 * 1_000);
    }
}
