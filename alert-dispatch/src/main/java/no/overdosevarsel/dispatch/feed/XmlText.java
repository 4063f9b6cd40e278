package no.overdosevarsel.dispatch.feed;

/**
 * Plain text made safe to put into an XML document: characters XML 1.0 cannot carry at all (control characters, lone
 * surrogates) are dropped, since an XML writer would either refuse them or produce a document no parser reads. Markup
 * characters are left alone: the XML writer escapes those.
 */
final class XmlText {

    private XmlText() {}

    static String clean(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
