package io.github.dl4jschedules.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --chart} writes a readable PNG of the requested size with the lines drawn on it. */
class PreviewChartTest {

    @TempDir
    Path dir;

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    /** Pixels of a colour (red, green and blue not all equal): the lines; text, axes and grid are grey. */
    private static int colouredPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                if (red != green || green != blue) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int pixelsUnlike(BufferedImage image, int background) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void writesAPngOfTheDefaultSizeWithTheScheduleDrawn() throws IOException {
        Path png = dir.resolve("cosine.png");

        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=100)", "--chart", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("chart written to " + png);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(pixelsUnlike(image, image.getRGB(0, 0))).as("not blank").isGreaterThan(2_000);
        assertThat(colouredPixels(image)).as("the line").isGreaterThan(300);
    }

    @Test
    void severalSchedulesMixedUnitsLogScaleAndATitle() throws IOException {
        Path png = dir.resolve("variants.png");

        PreviewRun run = PreviewRun.of("constant", "inverse-time", "exponential", "inverse-sqrt-epoch",
                "inverse-sqrt-iteration", "staircase", "--iterations-per-epoch", "125", "--steps", "2500", "--log-y",
                "--title", "the lecture's variants", "--width", "800", "--height", "500", "--chart", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(colouredPixels(image)).as("six lines").isGreaterThan(2_000);
    }

    @Test
    void theSameSpecTwiceAndVeryLongSpecsStillMakeAChart() throws IOException {
        String longSpec = "sequence(linear(from=0.01, to=0.1, steps=10), constant(lr=0.1), "
                + "cosine(lr=0.1, steps=50, min=0.001), at=[10, 50])";
        Path png = dir.resolve("twice.png");

        PreviewRun run = PreviewRun.of(longSpec, longSpec, "--chart", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(colouredPixels(read(png))).isGreaterThan(300);
    }

    @Test
    void logScaleRefusesARateOfZeroNamingTheScheduleAndStep() {
        Path png = dir.resolve("zero.png");

        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=10)", "--steps", "20", "--log-y", "--chart", png.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--log-y needs rates > 0", "cosine(lr=0.1, steps=10) is 0.0 at iteration 10");
        assertThat(png).doesNotExist();
    }

    @Test
    void anUnwritableChartIsAnErrorNamingTheFile() {
        Path png = dir.resolve("no-such-folder").resolve("chart.png");

        PreviewRun run = PreviewRun.of("constant(lr=0.1)", "--chart", png.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--chart: cannot write " + png, "folder does not exist");
    }

    @Test
    void aChartMustBeAPng() {
        PreviewRun run = PreviewRun.of("constant(lr=0.1)", "--chart", dir.resolve("chart.jpg").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--chart must end in .png, got " + dir.resolve("chart.jpg"));
    }
}
