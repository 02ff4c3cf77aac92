package io.github.dl4jschedules.schedules;

/** Counting boundaries passed, for the piecewise schedules. */
final class Boundaries {

    private Boundaries() {
    }

    /**
     * The number of {@code boundaries[i] <= n}, by binary search.
     *
     * @param boundaries strictly increasing
     */
    static int passed(int[] boundaries, long n) {
        int low = 0;
        int high = boundaries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (boundaries[mid] <= n) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
