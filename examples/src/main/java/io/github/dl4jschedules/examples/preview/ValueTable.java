package io.github.dl4jschedules.examples.preview;

import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * Prints a {@link RateSeries} as a text table: the x-axis note, a legend line {@code [i] spec} per
 * schedule, then the step and one column {@code [i]} per schedule.
 *
 * <pre>
 * x axis: epoch (every schedule counts epochs)
 * [1] step(lr=0.1, factor=0.5, every=2, unit=epoch, first=0)
 * epoch  [1]
 *     0  0.1
 *     2  0.05
 * </pre>
 *
 * Values are exact: each is the shortest decimal that reads back as the same {@code double}
 * ({@link Double#toString}'s digits), written without an exponent.
 */
final class ValueTable {

    private static final String GAP = "  ";

    private ValueTable() {
    }

    static void print(RateSeries series, PrintWriter out) {
        out.println(series.axis().note());
        int columns = series.schedules().size();
        for (int column = 0; column < columns; column++) {
            out.println(header(column) + " " + series.schedules().get(column).description());
        }
        String[][] cells = new String[columns + 1][series.rows() + 1];
        cells[0][0] = series.axis().stepName();
        for (int row = 0; row < series.rows(); row++) {
            cells[0][row + 1] = Integer.toString(series.step(row));
        }
        for (int column = 0; column < columns; column++) {
            cells[column + 1][0] = header(column);
            for (int row = 0; row < series.rows(); row++) {
                cells[column + 1][row + 1] = exact(series.value(column, row));
            }
        }
        int[] widths = new int[cells.length];
        for (int column = 0; column < cells.length; column++) {
            for (String cell : cells[column]) {
                widths[column] = Math.max(widths[column], cell.length());
            }
        }
        for (int row = 0; row <= series.rows(); row++) {
            StringBuilder line = new StringBuilder(" ".repeat(widths[0] - cells[0][row].length())).append(cells[0][row]);
            for (int column = 1; column < cells.length; column++) {
                line.append(GAP).append(cells[column][row])
                        .append(" ".repeat(column == cells.length - 1 ? 0 : widths[column] - cells[column][row].length()));
            }
            out.println(line);
        }
    }

    /** The shortest decimal that reads back as {@code value}, without an exponent: {@code 2.0E-4} prints {@code 0.0002}. */
    static String exact(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String header(int column) {
        return "[" + (column + 1) + "]";
    }
}
