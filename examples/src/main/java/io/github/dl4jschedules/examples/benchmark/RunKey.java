package io.github.dl4jschedules.examples.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a grid, identified by everything that changes its result: model, data, epochs, batch,
 * example limits, updater, the schedule's canonical spec and the seed.
 *
 * @param setup what the grid's runs share
 * @param cell  the updater and schedule
 * @param seed  the run's seed
 */
record RunKey(Grid.Setup setup, Grid.Cell cell, long seed) {

    /** Characters of the SHA-256 kept in {@link #id()}: 48 bits, no collision in any realistic grid. */
    private static final int ID_LENGTH = 12;

    /** The identity as text, in a fixed order: written into the run's file and checked when read back. */
    public Map<String, String> identity() {
        Map<String, String> values = new LinkedHashMap<>(setup.describe());
        values.put("updater", cell.updaterName());
        values.put("schedule", cell.schedule().toString());
        values.put("seed", Long.toString(seed));
        return values;
    }

    /** The first {@value #ID_LENGTH} hex digits of the SHA-256 of {@link #identity()}: the run's file name and id. */
    public String id() {
        StringBuilder text = new StringBuilder();
        identity().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
