package org.mercato.gateway.shop;

import java.util.Locale;
import org.eclipse.jetty.util.StringUtil;

/** Text made safe for HTML text and quoted attributes, and the page's number formats. */
final class Html {
    private Html() {}

    /** {@code &}, {@code <}, {@code >}, quotes as entities; control characters as {@code ?}. */
    static String escape(String text) {
        return StringUtil.sanitizeXmlString(text);
    }

    /** Cents as dollars: {@code $12.05}. */
    static String money(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + "$" + abs / 100 + "." + String.format(Locale.ROOT, "%02d", abs % 100);
    }

    /** Virtual microseconds as seconds: {@code 12.345 s}. */
    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
