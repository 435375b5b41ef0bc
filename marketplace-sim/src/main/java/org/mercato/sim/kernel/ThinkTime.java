package org.mercato.sim.kernel;

import java.util.SplittableRandom;
import org.mercato.sim.random.Gaussian;

/** Modelled time an agent takes to act on an observation, in virtual microseconds. */
public sealed interface ThinkTime {
    long sample(SplittableRandom random);

    /** The least this model can return; the kernel's lookahead is built from it. */
    long minimum();

    static ThinkTime fixed(long micros) {
        return new Fixed(micros);
    }

    record Fixed(long micros) implements ThinkTime {
        public Fixed {
            if (micros < 0) {
                throw new IllegalArgumentException("think time must be >= 0");
            }
        }

        @Override
        public long sample(SplittableRandom random) {
            return micros;
        }

        @Override
        public long minimum() {
            return micros;
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(long min, long max) implements ThinkTime {
        public Uniform {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("uniform think time needs 0 <= min <= max");
            }
        }

        @Override
        public long sample(SplittableRandom random) {
            return min == max ? min : random.nextLong(min, max + 1);
        }

        @Override
        public long minimum() {
            return min;
        }
    }

    /** min + LogNormal with the given median (of the part above min) and log-scale sigma. */
    record LogNormal(long min, long median, double sigma) implements ThinkTime {
        public LogNormal {
            if (min < 0 || median <= 0 || sigma < 0) {
                throw new IllegalArgumentException("lognormal think time needs min >= 0, median > 0, sigma >= 0");
            }
        }

        @Override
        public long sample(SplittableRandom random) {
            return min + Math.round(median * Math.exp(sigma * Gaussian.next(random)));
        }

        @Override
        public long minimum() {
            return min;
        }
    }
}
