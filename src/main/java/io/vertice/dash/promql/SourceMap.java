package io.vertice.dash.promql;

/**
 * Maps offsets in the substituted text (Grafana variables replaced by placeholders) back to the
 * original text. Regions are sorted; outside them text is unchanged and only shifted.
 */
final class SourceMap {
    static final SourceMap IDENTITY = new SourceMap(new int[0], new int[0], new int[0], new int[0], 0);

    private final int[] substStart;
    private final int[] substEnd;
    private final int[] origStart;
    private final int[] origEnd;
    private final int count;

    SourceMap(int[] substStart, int[] substEnd, int[] origStart, int[] origEnd, int count) {
        this.substStart = substStart;
        this.substEnd = substEnd;
        this.origStart = origStart;
        this.origEnd = origEnd;
        this.count = count;
    }

    boolean isIdentity() {
        return count == 0;
    }

    /** The original offset of a position that starts something. */
    int start(int p) {
        int i = region(p);
        if (i < 0) {
            return p;
        }
        if (p < substEnd[i]) {
            return origStart[i];
        }
        return origEnd[i] + (p - substEnd[i]);
    }

    /** The original offset of a position that ends something (exclusive). */
    int end(int p) {
        int i = region(p - 1);
        if (i < 0) {
            return p;
        }
        if (p <= substEnd[i]) {
            return p == substStart[i] ? origStart[i] : origEnd[i];
        }
        return origEnd[i] + (p - substEnd[i]);
    }

    /** Index of the last region starting at or before p, or -1. */
    private int region(int p) {
        if (count == 0 || p < substStart[0]) {
            return -1;
        }
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (substStart[mid] <= p) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
