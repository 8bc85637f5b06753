package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.AppException;
import org.bytedeco.hdf5.H5G_info_t;
import org.bytedeco.hdf5.H5O_info2_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.hdf5.global.hdf5.*;

/**
 * Reads what a Keras {@code .h5} file holds — text attributes (single or lists, variable or fixed
 * length) and float datasets — through the HDF5 library bundled with DL4J. Read-only.
 */
final class Hdf5Reader implements AutoCloseable {
    /** The 8 bytes every HDF5 file starts with (at offset 0, 512, 1024, … when there is a user block). */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5open();
            H5Eset_auto2(H5E_DEFAULT, null, null);   // errors become return codes, not library printouts
        }
    }

    private final Path path;
    private final long file;

    private Hdf5Reader(Path path, long file) {
        this.path = path;
        this.file = file;
    }

    /** Opens {@code path}; a missing file or one that is not HDF5 is an {@link AppException}. */
    static Hdf5Reader open(Path path) {
        if (!Files.exists(path)) {
            throw new AppException("Keras model file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new AppException("Keras model file " + path + " is not a regular file");
        }
        if (!hasSignature(path)) {
            throw new AppException(path + " is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)");
        }
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long id = H5Fopen(path.toString(), H5F_ACC_RDONLY, H5P_DEFAULT);
            if (id < 0) {
                throw new AppException(path + " is not a readable HDF5 file (it may be truncated or damaged)");
            }
            return new Hdf5Reader(path, id);
        }
    }

    static boolean hasSignature(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = new byte[SIGNATURE.length];
            long offset = 0;
            while (true) {
                if (in.readNBytes(head, 0, head.length) < head.length) {
                    return false;
                }
                if (Arrays.equals(head, SIGNATURE)) {
                    return true;
                }
                long next = offset == 0 ? 512 : offset * 2;
                if (in.skip(next - offset - head.length) != next - offset - head.length) {
                    return false;
                }
                offset = next;
            }
        } catch (IOException e) {
            throw new AppException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** True when the object at {@code objectPath} ("/" for the root) exists. */
    boolean exists(String objectPath) {
        if (objectPath.equals("/")) {
            return true;
        }
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            StringBuilder prefix = new StringBuilder();
            for (String part : objectPath.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                prefix.append('/').append(part);
                if (H5Lexists(file, prefix.toString(), H5P_DEFAULT) <= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    boolean hasAttribute(String objectPath, String name) {
        if (!exists(objectPath)) {
            return false;
        }
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long obj = openObject(objectPath);
            try {
                return H5Aexists(obj, name) > 0;
            } finally {
                closeObject(objectPath, obj);
            }
        }
    }

    /** A text attribute holding one string. */
    String stringAttribute(String objectPath, String name) {
        List<String> values = stringListAttribute(objectPath, name);
        if (values.size() != 1) {
            throw new AppException(path + ": attribute " + name + " of " + objectPath + " holds " + values.size()
                    + " strings, expected one");
        }
        return values.get(0);
    }

    /** A text attribute as a list (a single string is a list of one). */
    List<String> stringListAttribute(String objectPath, String name) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long obj = openObject(objectPath);
            long attr = H5Aopen(obj, name, H5P_DEFAULT);
            long type = H5Aget_type(attr);
            long space = H5Aget_space(attr);
            try {
                if (attr < 0) {
                    throw new AppException(path + ": no attribute " + name + " on " + objectPath);
                }
                int n = (int) H5Sget_simple_extent_npoints(space);
                if (n == 0) {
                    return List.of();   // h5py writes an empty list as an empty float array
                }
                if (H5Tget_class(type) != H5T_STRING) {
                    throw new AppException(path + ": attribute " + name + " of " + objectPath + " is not text");
                }
                List<String> out = new ArrayList<>(n);
                if (H5Tis_variable_str(type) > 0) {
                    PointerPointer<BytePointer> pointers = new PointerPointer<>(n);
                    check(H5Aread(attr, type, pointers), "read attribute " + name);
                    for (int i = 0; i < n; i++) {
                        BytePointer p = pointers.get(BytePointer.class, i);
                        out.add(p == null || p.isNull() ? "" : p.getString(StandardCharsets.UTF_8));
                    }
                    H5Treclaim(type, space, H5P_DEFAULT, pointers);
                } else {
                    int size = (int) H5Tget_size(type);
                    BytePointer buffer = new BytePointer((long) n * size);
                    check(H5Aread(attr, type, buffer), "read attribute " + name);
                    byte[] bytes = new byte[n * size];
                    buffer.get(bytes);
                    for (int i = 0; i < n; i++) {
                        int end = i * size;
                        while (end < (i + 1) * size && bytes[end] != 0) {
                            end++;
                        }
                        out.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8));
                    }
                }
                return out;
            } finally {
                if (space >= 0) H5Sclose(space);
                if (type >= 0) H5Tclose(type);
                if (attr >= 0) H5Aclose(attr);
                closeObject(objectPath, obj);
            }
        }
    }

    /** Names of the members of a group, in name order. */
    List<String> children(String groupPath) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long group = H5Gopen2(file, groupPath, H5P_DEFAULT);
            if (group < 0) {
                throw new AppException(path + ": no group " + groupPath);
            }
            try {
                H5G_info_t info = new H5G_info_t();
                check(H5Gget_info(group, info), "list " + groupPath);
                List<String> names = new ArrayList<>();
                for (long i = 0; i < info.nlinks(); i++) {
                    long size = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, (BytePointer) null, 0, H5P_DEFAULT);
                    byte[] name = new byte[(int) size + 1];
                    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, size + 1, H5P_DEFAULT);
                    names.add(new String(name, 0, (int) size, StandardCharsets.UTF_8));
                }
                return names;
            } finally {
                H5Gclose(group);
            }
        }
    }

    boolean isGroup(String objectPath) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5O_info2_t info = new H5O_info2_t();
            return H5Oget_info_by_name3(file, objectPath, info, H5O_INFO_BASIC, H5P_DEFAULT) >= 0
                    && info.type() == H5O_TYPE_GROUP;
        }
    }

    /** A numeric dataset converted to float32, with its shape. */
    FloatArray floats(String datasetPath) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long ds = H5Dopen2(file, datasetPath, H5P_DEFAULT);
            if (ds < 0) {
                throw new AppException(path + ": no dataset " + datasetPath);
            }
            long space = H5Dget_space(ds);
            try {
                int rank = H5Sget_simple_extent_ndims(space);
                long[] shape = new long[rank];
                if (rank > 0) {
                    H5Sget_simple_extent_dims(space, shape, null);
                }
                long n = H5Sget_simple_extent_npoints(space);
                FloatPointer buffer = new FloatPointer(n);
                check(H5Dread(ds, H5T_NATIVE_FLOAT_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer),
                        "read dataset " + datasetPath + " as numbers");
                float[] values = new float[(int) n];
                buffer.get(values);
                return new FloatArray(shape, values);
            } finally {
                H5Sclose(space);
                H5Dclose(ds);
            }
        }
    }

    /** Values of a dataset in row-major order with its shape. */
    record FloatArray(long[] shape, float[] values) {
    }

    private long openObject(String objectPath) {
        long obj = objectPath.equals("/") ? file : H5Gopen2(file, objectPath, H5P_DEFAULT);
        if (obj < 0) {
            throw new AppException(path + ": no group " + objectPath);
        }
        return obj;
    }

    private void closeObject(String objectPath, long obj) {
        if (!objectPath.equals("/")) {
            H5Gclose(obj);
        }
    }

    private void check(int status, String what) {
        if (status < 0) {
            throw new AppException(path + ": cannot " + what + " (damaged file?)");
        }
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5Fclose(file);
        }
    }
}
