package io.github.dl4jschedules.examples.spark;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link ExecutorProbe} for executors in JVMs of their own: each step's counters, rate, schedule and
 * process id are appended to {@code <folder>/<pid>.tsv}, which the test reads back (all processes run
 * on this machine).
 */
final class FileProbe extends BaseTrainingListener implements Serializable {

    private static final long serialVersionUID = 1L;

    record Seen(int iteration, int epoch, double rate, String schedule, long pid) {
    }

    private final String folder;

    FileProbe(Path folder) {
        this.folder = folder.toString();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        Sgd sgd = (Sgd) ((BaseLayer) ((MultiLayerNetwork) model).getLayer(0).conf().getLayer()).getIUpdater();
        long pid = ProcessHandle.current().pid();
        String line = iteration + "\t" + epoch + "\t" + Double.toString(sgd.getLearningRate(iteration, epoch)) + "\t"
                + sgd.getLearningRateSchedule() + "\t" + pid + "\n";
        synchronized (FileProbe.class) {
            try {
                Files.writeString(Path.of(folder, pid + ".tsv"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Everything the executors wrote to {@code folder}. */
    static List<Seen> read(Path folder) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    seen.add(new Seen(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]), f[3],
                            Long.parseLong(f[4])));
                }
            }
        }
        return seen;
    }
}
