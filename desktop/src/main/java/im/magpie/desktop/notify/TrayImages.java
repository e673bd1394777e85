package im.magpie.desktop.notify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** The tray icon drawn with AWT: Magpie's blue tile with a speech bubble and, when there is unread, a red badge. */
final class TrayImages {
    static final Color ACCENT = new Color(0x1f, 0x6f, 0xeb);
    static final Color BADGE = new Color(0xcf, 0x22, 0x2e);

    private TrayImages() {}

    /** A {@code size} px square icon with {@code count} on the badge (none at 0, "99+" above 99). */
    static BufferedImage withBadge(int size, int count) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double s = size;
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.4, s * 0.4));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(s * 0.2, s * 0.24, s * 0.6, s * 0.42, s * 0.2, s * 0.2));
        Path2D tail = new Path2D.Double();
        tail.moveTo(s * 0.32, s * 0.6);
        tail.lineTo(s * 0.28, s * 0.8);
        tail.lineTo(s * 0.48, s * 0.64);
        tail.closePath();
        g.fill(tail);
        if (count > 0) {
            String text = count > 99 ? "99+" : String.valueOf(count);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, Math.round(s * 0.36))));
            FontMetrics fm = g.getFontMetrics();
            double h = s * 0.52;
            double w = Math.max(h, fm.stringWidth(text) + s * 0.16);
            double x = s - w;
            g.setColor(BADGE);
            g.fill(new RoundRectangle2D.Double(x, 0, w, h, h, h));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.drawString(text, (float) (x + (w - fm.stringWidth(text)) / 2), (float)
                    ((h - fm.getHeight()) / 2 + fm.getAscent()));
        }
        g.dispose();
        return img;
    }
}
