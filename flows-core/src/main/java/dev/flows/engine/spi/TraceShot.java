package dev.flows.engine.spi;

/**
 * The page right after an action, for a trace an engine does not record itself.
 *
 * @param url   the page's address, or a note saying why it is not known
 * @param image the screenshot (PNG or JPEG), or null when none could be taken
 */
public record TraceShot(String url, byte[] image) {

    /** The file extension the image's own bytes call for. */
    public String extension() {
        return image != null && image.length > 2 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 ? "jpg" : "png";
    }
}
