package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.UpdaterKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultGridTest {

    @Test
    void adamPresetsAndSgdAtItsOwnRate() {
        List<Grid.Cell> cells = DefaultGrid.cells(15, List.of(UpdaterKind.ADAM, UpdaterKind.SGD));
        assertThat(cells).hasSize(13);
        assertThat(cells).filteredOn(c -> c.updater() == UpdaterKind.ADAM).extracting(Grid.Cell::label)
                .containsExactly("constant", "constant 0.002", "inverse-time", "exponential", "inverse-sqrt-epoch",
                        "staircase", "cosine");
        assertThat(cells).filteredOn(c -> c.updater() == UpdaterKind.SGD)
                .allSatisfy(c -> assertThat(c.schedule().valueAt(0, 0)).isLessThanOrEqualTo(0.1))
                .anySatisfy(c -> assertThat(c.schedule().toString()).isEqualTo("cosine(lr=0.1, steps=15, min=0.0, unit=epoch)"));
    }

    @Test
    void otherUpdatersNeedTheirOwnSchedules() {
        assertThatThrownBy(() -> DefaultGrid.cells(5, List.of(UpdaterKind.NESTEROVS)))
                .hasMessage("the default grid has schedules for adam and sgd, not nesterovs; give them with --schedule");
    }
}
