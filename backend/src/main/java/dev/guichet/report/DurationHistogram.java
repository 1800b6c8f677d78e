package dev.guichet.report;

/**
 * Counts of durations per bucket of the database function {@code report_bucket} (migration V23):
 * one second wide below 32 s, then 16 buckets per power of two, so a bucket is at most 6.25 % of
 * its lower bound wide. Percentiles follow {@code percentile_cont} (linear interpolation between the
 * two nearest ranks), each rank's value being placed evenly inside its bucket: the answer is off by
 * less than one bucket width (docs/architecture.md, "Reports, export and survey").
 */
final class DurationHistogram {

    /** Buckets of durations up to about 2^63 s: more than {@code report_bucket} can answer. */
    private static final int BUCKETS = 1024;

    private final long[] counts = new long[BUCKETS];
    private long total;

    /**
     * @param bucket a bucket of {@code report_bucket}, 0 to 1023
     * @param n      durations to add (negative to take away)
     */
    void add(int bucket, long n) {
        counts[Math.clamp(bucket, 0, BUCKETS - 1)] += n;
        total += n;
    }

    /** @return how many durations */
    long total() {
        return total;
    }

    /** @return lower bound of a bucket in seconds (inclusive) */
    static double lower(int bucket) {
        if (bucket < 32) {
            return bucket;
        }
        return (16 + bucket % 16) * Math.pow(2, bucket / 16 - 1);
    }

    /** @return upper bound of a bucket in seconds (exclusive) */
    static double upper(int bucket) {
        if (bucket < 32) {
            return bucket + 1;
        }
        return (17 + bucket % 16) * Math.pow(2, bucket / 16 - 1);
    }

    /**
     * @param p the fraction, 0 to 1 (0.5 for the median)
     * @return the estimated percentile in seconds, or null when empty
     */
    Double percentile(double p) {
        if (total <= 0) {
            return null;
        }
        double rank = p * (total - 1);
        long below = (long) Math.floor(rank);
        double low = valueAt(below);
        double high = valueAt((long) Math.ceil(rank));
        return low + (rank - below) * (high - low);
    }

    /** The value of the 0-based rank, spread evenly inside its bucket. */
    private double valueAt(long rank) {
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            long n = counts[b];
            if (n > 0 && rank < seen + n) {
                return lower(b) + (upper(b) - lower(b)) * (rank - seen + 0.5) / n;
            }
            seen += Math.max(n, 0);
        }
        return lower(BUCKETS - 1);
    }
}
