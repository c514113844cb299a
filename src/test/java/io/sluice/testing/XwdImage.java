package io.sluice.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns the output of {@code xwd -root} (X Window Dump, ZPixmap, 24 or 32 bits per pixel) into a PNG,
 * so a test can screenshot a real X window without ImageMagick.
 */
public final class XwdImage {
    private XwdImage() {}

    public static void writePng(byte[] xwd, Path png) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(xwd).order(ByteOrder.BIG_ENDIAN);
        int headerSize = b.getInt(0);
        int format = b.getInt(8);
        int width = b.getInt(16);
        int height = b.getInt(20);
        int byteOrder = b.getInt(28);
        int bitsPerPixel = b.getInt(44);
        int bytesPerLine = b.getInt(48);
        int redMask = b.getInt(56);
        int greenMask = b.getInt(60);
        int blueMask = b.getInt(64);
        int colours = b.getInt(76);
        if (format != 2 || (bitsPerPixel != 24 && bitsPerPixel != 32)) {
            throw new IOException("only 24/32-bit ZPixmap dumps are supported, got format " + format + ", " + bitsPerPixel + " bpp");
        }
        int offset = headerSize + colours * 12;
        int bytesPerPixel = bitsPerPixel / 8;
        boolean lsbFirst = byteOrder == 0;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = offset + y * bytesPerLine + x * bytesPerPixel;
                int p = 0;
                for (int i = 0; i < bytesPerPixel; i++) {
                    int v = xwd[at + i] & 0xFF;
                    p |= lsbFirst ? v << (8 * i) : v << (8 * (bytesPerPixel - 1 - i));
                }
                img.setRGB(x, y, channel(p, redMask) << 16 | channel(p, greenMask) << 8 | channel(p, blueMask));
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static int channel(int pixel, int mask) {
        return (pixel & mask) >>> Integer.numberOfTrailingZeros(mask) & 0xFF;
    }
}
