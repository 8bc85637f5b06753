package dev.dl4jmnist.prediction.imaging;

import java.util.Arrays;

/**
 * The connected pieces (8-neighbour) of the pixels above a threshold, found from horizontal runs of
 * such pixels: each run is joined to the runs it touches in the row above (union-find), so the picture
 * is read once, row by row, and only the runs are labelled, not every pixel. Each piece is known by its
 * root run ({@link #piece}) and has an area and a bounding box.
 */
final class InkPieces {
    private int runs;
    private int[] row = new int[256];
    private int[] from = new int[256];
    private int[] to = new int[256];            // inclusive
    private int[] parent = new int[256];
    /** Per root run (the piece's id): area and bounding box; unused for other runs. */
    private int[] area;
    private int[] x0;
    private int[] y0;
    private int[] x1;
    private int[] y1;

    private InkPieces() {
    }

    /** The pieces of the pixels of {@code image} above {@code threshold}. */
    static InkPieces of(GrayImage image, float threshold) {
        InkPieces pieces = new InkPieces();
        float[] p = image.pixels();
        int w = image.width();
        int above = 0;                             // the previous row's runs: [above, first)
        for (int y = 0; y < image.height(); y++) {
            int first = pieces.runs;
            for (int x = 0, base = y * w; x < w; ) {
                if (p[base + x] <= threshold) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && p[base + x] > threshold) {
                    x++;
                }
                pieces.add(y, start, x - 1);
            }
            int k = above;
            for (int r = first; r < pieces.runs; r++) {   // runs of both rows are in order and apart
                while (k < first && pieces.to[k] < pieces.from[r] - 1) {
                    k++;
                }
                for (int j = k; j < first && pieces.from[j] <= pieces.to[r] + 1; j++) {
                    pieces.union(r, j);
                }
            }
            above = first;
        }
        pieces.measure();
        return pieces;
    }

    /** Whether there is no pixel above the threshold. */
    boolean isEmpty() {
        return runs == 0;
    }

    /** How many runs there are (ids of pieces are run indexes below this). */
    int runs() {
        return runs;
    }

    /** The id of the piece that run {@code r} belongs to. */
    int piece(int r) {
        int i = r;
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Whether run {@code r} is a piece's root (its id). */
    boolean isPiece(int r) {
        return parent[r] == r;
    }

    int row(int r) {
        return row[r];
    }

    int from(int r) {
        return from[r];
    }

    int to(int r) {
        return to[r];
    }

    int area(int piece) {
        return area[piece];
    }

    int x0(int piece) {
        return x0[piece];
    }

    int y0(int piece) {
        return y0[piece];
    }

    int x1(int piece) {
        return x1[piece];
    }

    int y1(int piece) {
        return y1[piece];
    }

    private void add(int y, int start, int end) {
        if (runs == row.length) {
            int n = 2 * runs;
            row = Arrays.copyOf(row, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            parent = Arrays.copyOf(parent, n);
        }
        row[runs] = y;
        from[runs] = start;
        to[runs] = end;
        parent[runs] = runs;
        runs++;
    }

    private void union(int a, int b) {
        int ra = piece(a);
        int rb = piece(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Flattens every run onto its root and sums each piece's area and box there. */
    private void measure() {
        area = new int[runs];
        x0 = new int[runs];
        y0 = new int[runs];
        x1 = new int[runs];
        y1 = new int[runs];
        for (int r = 0; r < runs; r++) {
            int id = piece(r);
            parent[r] = id;
            if (area[id] == 0) {
                x0[id] = from[r];
                y0[id] = row[r];
                x1[id] = to[r];
                y1[id] = row[r];
            }
            area[id] += to[r] - from[r] + 1;
            x0[id] = Math.min(x0[id], from[r]);
            y0[id] = Math.min(y0[id], row[r]);
            x1[id] = Math.max(x1[id], to[r]);
            y1[id] = Math.max(y1[id], row[r]);
        }
    }
}
