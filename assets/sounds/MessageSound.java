import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes the desktop's new-message sound: a soft two-note chime (A5 then E6, each a sine with a little second
 * harmonic, a 5 ms attack and an exponential decay), 0.42 s, 22,050 Hz, 16-bit mono PCM.
 * Run: {@code java assets/sounds/MessageSound.java desktop/src/main/resources/im/magpie/desktop/notify/message.wav}
 */
public class MessageSound {
    static final float RATE = 22_050;

    public static void main(String[] args) throws IOException {
        int total = (int) (RATE * 0.42);
        double[] mix = new double[total];
        note(mix, 880.00, 0.00, 0.30, 0.55);
        note(mix, 1318.51, 0.11, 0.31, 0.50);
        byte[] pcm = new byte[total * 2];
        for (int i = 0; i < total; i++) {
            double fadeOut = Math.min(1, (total - i) / (RATE * 0.02)); // no click at the end
            short s = (short) Math.round(Math.max(-1, Math.min(1, mix[i] * fadeOut)) * 0.6 * Short.MAX_VALUE);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, total)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, new File(args[0]));
        }
    }

    /** Adds a note of {@code hz} starting at {@code start} s, lasting {@code length} s, of peak {@code gain}. */
    static void note(double[] mix, double hz, double start, double length, double gain) {
        int from = (int) (start * RATE);
        int n = (int) (length * RATE);
        for (int i = 0; i < n && from + i < mix.length; i++) {
            double t = i / RATE;
            double envelope = Math.min(1, t / 0.005) * Math.exp(-t / (length / 4));
            double wave = Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(4 * Math.PI * hz * t);
            mix[from + i] += gain * envelope * wave / 1.25;
        }
    }
}
