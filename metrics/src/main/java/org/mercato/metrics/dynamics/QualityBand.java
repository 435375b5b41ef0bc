package org.mercato.metrics.dynamics;

/** The bands of true quality the period series groups services by: below 0.5, 0.5 to 0.9, from 0.9. */
public enum QualityBand {
    LOW("q<0.5"),
    MIDDLE("0.5<=q<0.9"),
    HIGH("q>=0.9");

    private final String label;

    QualityBand(String label) {
        this.label = label;
    }

    /** The band's name in {@code summary.json}: {@code q<0.5}, {@code 0.5<=q<0.9}, {@code q>=0.9}. */
    public String label() {
        return label;
    }

    public static QualityBand of(double quality) {
        return quality < 0.5 ? LOW : quality < 0.9 ? MIDDLE : HIGH;
    }
}
