package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The run-based pieces are exactly the 8-connected pieces a pixel-by-pixel flood fill finds. */
class InkPiecesTest {
    @Test
    void piecesMatchAFloodFillOnRandomInk() {
        Random random = new Random(5);
        for (int picture = 0; picture < 200; picture++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            double density = random.nextDouble() * 0.7;
            float[] p = new float[w * h];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble() < density ? 200f : random.nextFloat() * 100f;
            }
            GrayImage image = new GrayImage(w, h, p);
            InkPieces pieces = InkPieces.of(image, 128f);
            List<String> found = new ArrayList<>();
            for (int id = 0; id < pieces.runs(); id++) {
                if (pieces.isPiece(id)) {
                    found.add(describe(pieces.area(id), pieces.x0(id), pieces.y0(id), pieces.x1(id), pieces.y1(id)));
                }
            }
            assertThat(found).as("picture %d (%dx%d)", picture, w, h).containsExactlyInAnyOrderElementsOf(floodFill(image, 128f));
            assertThat(pieces.isEmpty()).isEqualTo(found.isEmpty());
        }
    }

    @Test
    void diagonalNeighboursJoinAndGapsSeparate() {
        GrayImage image = new GrayImage(5, 3, new float[]{
                255, 0, 0, 0, 255,
                0, 255, 0, 0, 0,
                0, 0, 0, 0, 255});
        InkPieces pieces = InkPieces.of(image, 128f);
        List<Integer> areas = new ArrayList<>();
        for (int id = 0; id < pieces.runs(); id++) {
            if (pieces.isPiece(id)) {
                areas.add(pieces.area(id));
            }
        }
        assertThat(areas).containsExactlyInAnyOrder(2, 1, 1);
    }

    private static String describe(int area, int x0, int y0, int x1, int y1) {
        return area + " (" + x0 + "," + y0 + ")-(" + x1 + "," + y1 + ")";
    }

    /** The plain way: label every pixel, one piece at a time. */
    private static List<String> floodFill(GrayImage image, float threshold) {
        int w = image.width();
        int h = image.height();
        boolean[] seen = new boolean[w * h];
        List<String> out = new ArrayList<>();
        for (int start = 0; start < seen.length; start++) {
            if (seen[start] || image.pixels()[start] <= threshold) {
                continue;
            }
            int area = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
            List<Integer> todo = new ArrayList<>(List.of(start));
            seen[start] = true;
            while (!todo.isEmpty()) {
                int p = todo.remove(todo.size() - 1);
                int x = p % w;
                int y = p / w;
                area++;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && nx < w && ny >= 0 && ny < h && !seen[ny * w + nx] && image.pixels()[ny * w + nx] > threshold) {
                            seen[ny * w + nx] = true;
                            todo.add(ny * w + nx);
                        }
                    }
                }
            }
            out.add(describe(area, x0, y0, x1, y1));
        }
        return out;
    }
}
