package dev.dl4jmnist.data;

import org.deeplearning4j.common.resources.DL4JResources;
import org.eclipse.deeplearning4j.resources.DataSetResource;
import org.eclipse.deeplearning4j.resources.ResourceDataSets;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Fetches MNIST through DL4J's own downloader (its resource server, MD5-checked archives), after
 * a quick reachability probe so that a machine without network gets an answer in seconds, not after
 * DL4J's long connection time-outs.
 */
public class MnistDownloader {
    private static final int PROBE_TIMEOUT_MS = 5_000;

    private final String baseUrl;

    /** Downloads from DL4J's configured resource server. */
    public MnistDownloader() {
        this(DL4JResources.getURLString(""));
    }

    /** Downloads from {@code baseUrl} (DL4J's layout: {@code datasets/mnist/<file>.gz}). */
    public MnistDownloader(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public String describe() {
        return baseUrl + "datasets/mnist/";
    }

    /** Downloads and unpacks the four files into {@code directory}; throws IOException when that fails. */
    public void download(Path directory) throws IOException {
        probe();
        List<Function<java.io.File, DataSetResource>> resources = List.of(
                ResourceDataSets::mnistTrain, ResourceDataSets::mnistTrainLabels,
                ResourceDataSets::mnistTest, ResourceDataSets::mnistTestLabels);
        for (Function<java.io.File, DataSetResource> resource : resources) {
            DataSetResource r = resource.apply(directory.toFile());
            if (!r.existsLocally()) {
                try {
                    r.download(true, 2, PROBE_TIMEOUT_MS * 2, 30_000);
                } catch (Exception e) {
                    throw new IOException("download of " + r.archiveFileName() + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    private void probe() throws IOException {
        String url = describe() + "t10k-labels-idx1-ubyte.gz";
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(PROBE_TIMEOUT_MS);
        c.setReadTimeout(PROBE_TIMEOUT_MS);
        c.setRequestMethod("HEAD");
        try {
            int code = c.getResponseCode();
            if (code >= 400) {
                throw new IOException(url + " answered HTTP " + code);
            }
        } catch (IOException e) {
            String what = e.getClass().getSimpleName();
            throw new IOException("cannot reach " + describe() + " (" + what
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", e);
        } finally {
            c.disconnect();
        }
    }
}
