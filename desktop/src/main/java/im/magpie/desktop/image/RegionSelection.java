package im.magpie.desktop.image;

import java.util.Optional;

/**
 * The rectangle a user drags over a screen capture: from the press point to the current point, in either direction,
 * kept inside the screen. Pure logic; the capture overlay feeds it mouse positions.
 */
public final class RegionSelection {
    /** Smaller drags are taken for clicks, not selections. */
    static final double MIN_SIZE = 4;

    /** A rectangle in screen coordinates of the capture ({@code x, y} top left). */
    public record Rect(double x, double y, double width, double height) {}

    /** Pixel bounds inside an image. */
    public record Pixels(int x, int y, int width, int height) {}

    private final double screenWidth;
    private final double screenHeight;
    private double startX;
    private double startY;
    private double endX;
    private double endY;
    private boolean dragging;
    private boolean done;

    public RegionSelection(double screenWidth, double screenHeight) {
        if (screenWidth <= 0 || screenHeight <= 0) {
            throw new IllegalArgumentException("screen size must be positive");
        }
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    public void press(double x, double y) {
        startX = clampX(x);
        startY = clampY(y);
        endX = startX;
        endY = startY;
        dragging = true;
        done = false;
    }

    public void drag(double x, double y) {
        if (dragging) {
            endX = clampX(x);
            endY = clampY(y);
        }
    }

    /** Ends the drag; true when what was dragged is a selection (at least {@link #MIN_SIZE} each way). */
    public boolean release(double x, double y) {
        drag(x, y);
        dragging = false;
        done = current().isPresent();
        return done;
    }

    /** Whether a selection was made and the drag is over. */
    public boolean done() {
        return done;
    }

    /** The rectangle dragged so far; empty before a press and while it is smaller than {@link #MIN_SIZE}. */
    public Optional<Rect> current() {
        double w = Math.abs(endX - startX);
        double h = Math.abs(endY - startY);
        if (w < MIN_SIZE || h < MIN_SIZE) {
            return Optional.empty();
        }
        return Optional.of(new Rect(Math.min(startX, endX), Math.min(startY, endY), w, h));
    }

    /**
     * The selection in the pixels of a capture of {@code imageWidth x imageHeight} pixels (HiDPI captures have more
     * pixels than the screen has units), rounded outwards and kept inside the image.
     */
    public Optional<Pixels> pixels(int imageWidth, int imageHeight) {
        double sx = imageWidth / screenWidth;
        double sy = imageHeight / screenHeight;
        return current().map(r -> {
            int x0 = (int) Math.floor(r.x() * sx);
            int y0 = (int) Math.floor(r.y() * sy);
            int x1 = Math.min(imageWidth, (int) Math.ceil((r.x() + r.width()) * sx));
            int y1 = Math.min(imageHeight, (int) Math.ceil((r.y() + r.height()) * sy));
            return new Pixels(x0, y0, x1 - x0, y1 - y0);
        });
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(screenWidth, x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(screenHeight, y));
    }
}
