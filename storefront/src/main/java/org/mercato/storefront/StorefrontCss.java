package org.mercato.storefront;

/** The page's style sheet: a constant per style plus the grid's column count. */
final class StorefrontCss {
    private StorefrontCss() {}

    private static final String FONTS = "@font-face{font-family:\"DejaVu Sans\";src:url(\"" + StorefrontFonts.PATH
            + StorefrontFonts.REGULAR + "\") format(\"truetype\");font-weight:400;font-style:normal}\n"
            + "@font-face{font-family:\"DejaVu Sans\";src:url(\"" + StorefrontFonts.PATH
            + StorefrontFonts.BOLD + "\") format(\"truetype\");font-weight:700;font-style:normal}\n";

    private static final String COMMON = "*{box-sizing:border-box}\n"
            + "html,body{margin:0;padding:0}\n"
            + "body{font-family:\"DejaVu Sans\",sans-serif;color:#1f2328;background:#f3f4f6}\n"
            + "header{background:#232f3e;color:#ffffff;display:flex;align-items:center}\n"
            + "header .brand{font-weight:700}\n"
            + "header .search{display:flex;align-items:center;flex:1;max-width:640px}\n"
            + "header .box,header input[type=search]{flex:1;background:#ffffff;color:#1f2328;border:0;"
            + "border-radius:4px 0 0 4px;font:inherit;overflow:hidden;white-space:nowrap}\n"
            + "header .go,header button{background:#febd69;color:#1f2328;border:0;border-radius:0 4px 4px 0;"
            + "font:inherit;font-weight:700}\n"
            + "header .paging{margin-left:auto;color:#d0d7de}\n"
            + ".defs{position:absolute}\n"
            + ".grid{display:grid}\n"
            + ".tile{background:#ffffff;border:1px solid #d0d7de;display:flex;flex-direction:column;min-width:0}\n"
            + ".tile .image{width:100%;height:auto;display:block}\n"
            + ".badges{display:flex;flex-wrap:wrap;gap:4px}\n"
            + ".badge{font-weight:700;border-radius:3px;background:#e7e9ec;color:#333333}\n"
            + ".badge.sponsored{background:#fff3cd;color:#7a5b00}\n"
            + ".badge.overall-pick{background:#232f3e;color:#ffffff}\n"
            + ".badge.scarcity{background:#fde2e1;color:#b42318}\n"
            + ".name{font-weight:700;margin:0;overflow-wrap:anywhere}\n"
            + ".id{color:#57606a;overflow-wrap:anywhere}\n"
            + ".rating{display:flex;align-items:center;gap:6px}\n"
            + ".rating .reviews{color:#0969da}\n"
            + ".prices{list-style:none;margin:0;padding:0}\n"
            + ".prices li{display:flex;justify-content:space-between;gap:8px}\n"
            + ".prices .price{font-weight:700}\n"
            + ".prices .none{color:#57606a;font-style:normal}\n"
            + ".amenities{color:#57606a;overflow-wrap:anywhere}\n"
            + ".ask{margin:auto 0 0 0}\n"
            + ".ask button,.ask .button{display:block;width:100%;text-align:center;background:#ffd814;"
            + "color:#1f2328;border:1px solid #c7a600;font:inherit;font-weight:700}\n"
            + ".empty{color:#57606a}\n";

    private static final String CLEAN = "body{font-size:14px;line-height:1.35}\n"
            + "header{padding:10px 24px;gap:24px}\n"
            + "header .brand{font-size:20px}\n"
            + "header .box,header input[type=search]{padding:7px 10px}\n"
            + "header .go,header button{padding:7px 14px}\n"
            + "header .paging{font-size:13px}\n"
            + "main{padding:16px 24px}\n"
            + ".grid{gap:16px}\n"
            + ".tile{border-radius:8px;padding:12px;gap:6px}\n"
            + ".tile .image{border-radius:6px}\n"
            + ".badges{min-height:20px}\n"
            + ".badge{font-size:11px;padding:2px 6px}\n"
            + ".name{font-size:16px}\n"
            + ".id,.amenities{font-size:11px}\n"
            + ".rating{font-size:13px}\n"
            + ".stars{width:80px;height:16px}\n"
            + ".ask button,.ask .button{padding:6px 8px;border-radius:16px;font-size:13px}\n";

    private static final String DENSE = "body{font-size:12px;line-height:1.25}\n"
            + "header{padding:6px 12px;gap:12px}\n"
            + "header .brand{font-size:16px}\n"
            + "header .box,header input[type=search]{padding:4px 8px}\n"
            + "header .go,header button{padding:4px 10px}\n"
            + "header .paging{font-size:11px}\n"
            + "main{padding:8px 12px}\n"
            + ".grid{gap:8px}\n"
            + ".tile{border-radius:4px;padding:6px;gap:3px}\n"
            + ".tile .image{border-radius:3px;width:60%;align-self:center}\n"
            + ".badges{min-height:16px}\n"
            + ".badge{font-size:10px;padding:1px 4px}\n"
            + ".name{font-size:13px}\n"
            + ".id,.amenities{font-size:10px}\n"
            + ".rating{font-size:11px}\n"
            + ".stars{width:65px;height:13px}\n"
            + ".ask button,.ask .button{padding:3px 6px;border-radius:4px;font-size:11px}\n";

    static String of(StorefrontStyle style, int columns) {
        return FONTS
                + COMMON
                + ("dense".equals(style.name()) ? DENSE : CLEAN)
                + ".grid{grid-template-columns:repeat(" + columns + ",minmax(0,1fr))}\n";
    }
}
