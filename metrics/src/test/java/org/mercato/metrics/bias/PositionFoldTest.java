package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.bias.PositionFold.Cell;
import org.mercato.metrics.bias.PositionFold.TagShare;

class PositionFoldTest {
    @Test
    void aChoiceIsPlacedWhereTheServiceWasLastShown() {
        var result = new BiasEvents()
                .search("c1")
                .shown("c1", "a", 1, 1, 1, "overall-pick")
                .shown("c1", "b", 2, 1, 2)
                .search("c1")
                .shown("c1", "a", 3, 1, 1, "sponsored")
                .search("c2")
                .shown("c2", "b", 1, 1, 1)
                .pay("p1", "c1", "a", 900)
                .pay("p2", "c2", "b", 800)
                .pay("p3", "c3", "z", 800)
                .into(new PositionFold())
                .result();

        assertThat(result.choices()).isEqualTo(2);
        assertThat(result.unshown()).isEqualTo(1);
        assertThat(result.byRank())
                .containsExactly(new Cell(1, 2, 1, 0.5), new Cell(2, 1, 0, 0.0), new Cell(3, 1, 1, 0.5));
        assertThat(result.byRow()).containsExactly(new Cell(1, 4, 2, 1.0));
        assertThat(result.byColumn()).containsExactly(new Cell(1, 3, 2, 1.0), new Cell(2, 1, 0, 0.0));
        assertThat(result.byTag())
                .containsExactly(
                        new TagShare(PositionFold.NO_TAG, 2, 1, 0.5),
                        new TagShare("overall-pick", 1, 0, 0.0),
                        new TagShare("sponsored", 1, 1, 0.5));
    }

    @Test
    void anImpressionAfterThePaymentDoesNotMoveTheChoice() {
        var result = new BiasEvents()
                .shown("c1", "a", 2, 1, 2)
                .pay("p1", "c1", "a", 900)
                .shown("c1", "a", 1, 1, 1)
                .into(new PositionFold())
                .result();

        assertThat(result.byRank()).containsExactly(new Cell(1, 1, 0, 0.0), new Cell(2, 1, 1, 1.0));
    }

    @Test
    void withoutImpressionsThereIsNoBlock() {
        assertThat(new BiasEvents()
                        .pay("p", "c", "a", 1)
                        .into(new PositionFold())
                        .result())
                .isNull();
        assertThat(List.of()).isEmpty();
    }
}
