package io.github.dl4jschedules.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where the four MNIST-format files come from: a folder ({@link #directory(Path)}) or the subset
 * bundled with the examples ({@link #bundled()}); {@link #load(Split, int)} reads and checks a split.
 *
 * <p>In a folder, each file is looked for under the standard names, in this order:
 * <ul>
 *   <li>{@code train-images-idx3-ubyte}, {@code train-images-idx3-ubyte.gz},
 *       {@code train-images.idx3-ubyte}, {@code train-images.idx3-ubyte.gz}</li>
 *   <li>the same with {@code train-labels} and {@code idx1-ubyte}, and with {@code t10k} for the
 *       test split</li>
 * </ul>
 * so both the original MNIST names and the ones with a dot (as some mirrors and Fashion-MNIST
 * extractions have them) work; whether a file is gzipped is told by its content, not its name.
 */
public final class MnistSource {

    /** Classpath folder of the bundled subset (8,000 training and 2,000 test digits of real MNIST). */
    public static final String BUNDLED_RESOURCE_DIR = "/mnist-subset/";

    /** The two splits, with their file-name prefixes. */
    public enum Split {
        /** The training split, files {@code train-*}. */
        TRAIN("train"),
        /** The test split, files {@code t10k-*}. */
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** {@code train} or {@code t10k}. */
        public String prefix() {
            return prefix;
        }

        /** The standard (gzipped) name of this split's image file, e.g. {@code train-images-idx3-ubyte.gz}. */
        public String imageFileName() {
            return prefix + "-images-idx3-ubyte.gz";
        }

        /** The standard (gzipped) name of this split's label file, e.g. {@code train-labels-idx1-ubyte.gz}. */
        public String labelFileName() {
            return prefix + "-labels-idx1-ubyte.gz";
        }
    }

    private final String description;
    private final Path directory;
    private final Map<Split, Path> imageFiles;
    private final Map<Split, Path> labelFiles;

    private MnistSource(String description, Path directory, Map<Split, Path> imageFiles, Map<Split, Path> labelFiles) {
        this.description = description;
        this.directory = directory;
        this.imageFiles = imageFiles;
        this.labelFiles = labelFiles;
    }

    /** The subset bundled as classpath resources under {@value #BUNDLED_RESOURCE_DIR}. */
    public static MnistSource bundled() {
        return new MnistSource("bundled MNIST subset (classpath:" + BUNDLED_RESOURCE_DIR + ")", null, null, null);
    }

    /**
     * The four files in {@code directory}, located now.
     *
     * @throws MnistDataException if the folder does not exist or any of the four files is missing;
     *                            the message lists every name looked for
     */
    public static MnistSource directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MnistDataException(directory + ": " + (Files.exists(directory) ? "is not a folder"
                    : "no such folder") + " (expected a folder with the four MNIST IDX files, e.g. "
                    + Split.TRAIN.imageFileName() + ")");
        }
        Map<Split, Path> images = new EnumMap<>(Split.class);
        Map<Split, Path> labels = new EnumMap<>(Split.class);
        List<String> missing = new ArrayList<>();
        for (Split split : Split.values()) {
            locate(directory, split.prefix() + "-images", "idx3-ubyte", images, split, missing);
            locate(directory, split.prefix() + "-labels", "idx1-ubyte", labels, split, missing);
        }
        if (!missing.isEmpty()) {
            throw new MnistDataException(directory + ": missing MNIST file" + (missing.size() > 1 ? "s" : "")
                    + "; looked for " + String.join("; ", missing));
        }
        return new MnistSource("MNIST files in " + directory, directory, images, labels);
    }

    /** The candidate names for one file, in the order they are tried. */
    static List<String> candidateNames(String stem, String idxType) {
        return List.of(stem + "-" + idxType, stem + "-" + idxType + ".gz", stem + "." + idxType,
                stem + "." + idxType + ".gz");
    }

    private static void locate(Path directory, String stem, String idxType, Map<Split, Path> found, Split split,
                               List<String> missing) {
        List<String> names = candidateNames(stem, idxType);
        for (String name : names) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                found.put(split, file);
                return;
            }
        }
        missing.add(String.join(", ", names));
    }

    /** What this source is, for logs: the folder, or the bundled subset. */
    public String description() {
        return description;
    }

    /** The folder, or null for the bundled subset. */
    public Path directory() {
        return directory;
    }

    /** The training split, all of it. */
    public MnistData train() {
        return load(Split.TRAIN, Integer.MAX_VALUE);
    }

    /** The test split, all of it. */
    public MnistData test() {
        return load(Split.TEST, Integer.MAX_VALUE);
    }

    /**
     * Reads and checks one split, keeping its first {@code maxExamples} examples (pass
     * {@code Integer.MAX_VALUE} for all). The whole files are read and checked either way.
     *
     * @throws MnistDataException       if a file is missing, malformed, or the files disagree
     * @throws IllegalArgumentException if {@code maxExamples < 1}
     */
    public MnistData load(Split split, int maxExamples) {
        if (maxExamples < 1) {
            throw new IllegalArgumentException("maxExamples must be at least 1, got " + maxExamples);
        }
        IdxImages images;
        IdxLabels labels;
        if (directory == null) {
            images = readResource(split.imageFileName(), IdxReader::readImages);
            labels = readResource(split.labelFileName(), IdxReader::readLabels);
        } else {
            images = IdxReader.readImages(imageFiles.get(split));
            labels = IdxReader.readLabels(labelFiles.get(split));
        }
        return MnistData.of(images, labels).limit(maxExamples);
    }

    /** The file a split's images are read from; null for the bundled subset. */
    public Path imageFile(Split split) {
        return directory == null ? null : imageFiles.get(split);
    }

    /** The file a split's labels are read from; null for the bundled subset. */
    public Path labelFile(Split split) {
        return directory == null ? null : labelFiles.get(split);
    }

    @Override
    public String toString() {
        return description;
    }

    private static <T> T readResource(String name, BiFunction<InputStream, String, T> reader) {
        String resource = BUNDLED_RESOURCE_DIR + name;
        String source = "classpath:" + resource;
        try (InputStream in = MnistSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MnistDataException(source + ": not found on the classpath (the bundled MNIST subset "
                        + "is part of the dl4j-schedules-examples jar)");
            }
            return reader.apply(in, source);
        } catch (IOException e) {
            throw new MnistDataException(source + ": cannot read: " + e, e);
        }
    }
}
