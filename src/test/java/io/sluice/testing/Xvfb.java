package io.sluice.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A private X server for starting the real window launcher, with screenshots through {@code xwd}. */
public final class Xvfb implements AutoCloseable {
    private final Process server;
    private final String display;

    private Xvfb(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    /** Starts on a free display number ({@code -displayfd} makes the server pick and tell). */
    public static Xvfb start() throws IOException {
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not start");
        }
        return new Xvfb(p, ":" + number.strip());
    }

    public String display() {
        return display;
    }

    /** Waits until a top-level window whose title starts with {@code title} is mapped. */
    public boolean awaitWindow(String title, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String tree = run("xwininfo", "-root", "-tree");
            if (tree.contains("\"" + title)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    public void screenshot(Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", display).start();
        byte[] dump = p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
        XwdImage.writePng(dump, png);
    }

    private String run(String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() {
        server.destroy();
        try {
            server.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.destroyForcibly();
    }
}
