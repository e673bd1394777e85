package im.magpie.desktop.notify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled new-message sound ({@code message.wav}, see {@code assets/sounds/README.md}) played with
 * {@code javax.sound.sampled} on {@code worker}. The clip is opened at the first play and kept; where there is no
 * audio device (a server, CI) the first play logs that once at debug level and every later one does nothing.
 */
public final class WavSound implements Sound {
    static final String RESOURCE = "/im/magpie/desktop/notify/message.wav";
    private static final Logger LOG = LoggerFactory.getLogger(WavSound.class);

    private final Executor worker;
    private @Nullable Clip clip;
    private boolean unavailable;

    /** Plays on {@code worker} (one thread: opening and starting a clip may block). */
    public WavSound(Executor worker) {
        this.worker = worker;
    }

    @Override
    public void play() {
        worker.execute(this::playNow);
    }

    private synchronized void playNow() {
        if (unavailable) {
            return;
        }
        try {
            Clip c = clip;
            if (c == null) {
                c = open();
                clip = c;
            }
            c.stop();
            c.setFramePosition(0);
            c.start();
        } catch (IOException
                | UnsupportedAudioFileException
                | LineUnavailableException
                | IllegalArgumentException
                | IllegalStateException
                | SecurityException e) {
            unavailable = true; // IllegalArgumentException: no mixer supports the format, e.g. no audio device
            LOG.debug("no notification sound on this machine: {}", e.toString());
        }
    }

    private static Clip open() throws IOException, UnsupportedAudioFileException, LineUnavailableException {
        InputStream raw = WavSound.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IOException(RESOURCE + " is missing from the application");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            Clip c = AudioSystem.getClip();
            c.open(in);
            return c;
        }
    }
}
