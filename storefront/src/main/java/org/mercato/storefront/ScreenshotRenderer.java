package org.mercato.storefront;

/** Turns a page into PNG bytes. */
public interface ScreenshotRenderer extends AutoCloseable {
    byte[] screenshot(StorefrontPage page, Viewport viewport) throws RenderException;

    @Override
    void close();
}
