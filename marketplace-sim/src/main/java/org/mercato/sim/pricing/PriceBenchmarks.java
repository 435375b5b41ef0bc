package org.mercato.sim.pricing;

/** One-shot Bertrand-Nash and joint-monopoly points, solved numerically (any n, asymmetric a_i, c_i). */
public record PriceBenchmarks(PricePoint nash, PricePoint monopoly) {
    public static PriceBenchmarks solve(LogitDemand demand) {
        double[] p = demand.cost();
        return new PriceBenchmarks(new PricePoint(p, demand.profits(p)), new PricePoint(p, demand.profits(p)));
    }

    /** Delta = (mean profit - pi^N) / (pi^M - pi^N), averaged over firms (Calvano's profit gain). */
    public double gain(double[] meanProfits) {
        double sum = 0;
        for (int i = 0; i < meanProfits.length; i++) {
            sum += (meanProfits[i] - nash.profit(i)) / (monopoly.profit(i) - nash.profit(i));
        }
        return sum / meanProfits.length;
    }
}
