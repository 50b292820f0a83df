package io.sitedeck.sandbox;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Real JPEG frames for sandbox cameras: a scene coloured by the device id with a bar that moves
 * with the clock, so consecutive snapshots differ. Shapes only, no text, so no fonts are needed.
 */
final class SnapshotImages {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private SnapshotImages() {
    }

    static byte[] jpeg(int deviceId, Instant at) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            SplittableRandom random = Seeds.random(deviceId);
            Color sky = new Color(60 + random.nextInt(120), 90 + random.nextInt(120), 160 + random.nextInt(90));
            g.setPaint(new GradientPaint(0, 0, sky, 0, HEIGHT, Color.DARK_GRAY));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 6; i++) {
                g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
                g.fillRect(random.nextInt(WIDTH - 60), 80 + random.nextInt(100), 30 + random.nextInt(60),
                        20 + random.nextInt(60));
            }
            int second = (int) (at.getEpochSecond() % 60);
            g.setColor(Color.WHITE);
            g.fillRect(10, HEIGHT - 14, (WIDTH - 20) * (second + 1) / 60, 6);
            g.setColor(Color.RED);
            g.fillOval(WIDTH - 22, 8, 12, 12);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
