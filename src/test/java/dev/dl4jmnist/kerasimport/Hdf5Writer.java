package dev.dl4jmnist.kerasimport;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.hdf5.global.hdf5.*;

/**
 * Writes small HDF5 files laid out as Keras writes them (text attributes as variable-length strings,
 * lists of names as string arrays, empty lists as empty float64 arrays, float32 weights), for test files.
 */
final class Hdf5Writer implements AutoCloseable {
    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        H5open();
    }

    private final long file;

    Hdf5Writer(Path path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            file = H5Fcreate(path.toString(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
            if (file < 0) {
                throw new IllegalStateException("cannot create " + path);
            }
        }
    }

    /** Creates {@code path} and any missing parent groups. */
    void group(String path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            StringBuilder prefix = new StringBuilder();
            for (String part : path.split("/")) {
                if (part.isEmpty()) continue;
                prefix.append('/').append(part);
                if (H5Lexists(file, prefix.toString(), H5P_DEFAULT) <= 0) {
                    H5Gclose(H5Gcreate2(file, prefix.toString(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
                }
            }
        }
    }

    /** One variable-length string (ASCII as h5py writes str of ASCII text, or UTF-8). */
    void stringAttribute(String objectPath, String name, String value, boolean utf8) {
        writeStrings(objectPath, name, List.of(value), utf8, true);
    }

    /** A list of strings (an empty list is written as h5py does: an empty float64 array). */
    void stringListAttribute(String objectPath, String name, List<String> values) {
        if (values.isEmpty()) {
            synchronized (Hdf5Archive.LOCK_OBJECT) {
                long obj = open(objectPath);
                long space = H5Screate_simple(1, new long[]{0}, null);
                long attr = H5Acreate2(obj, name, H5T_IEEE_F64LE_g(), space, H5P_DEFAULT, H5P_DEFAULT);
                H5Aclose(attr);
                H5Sclose(space);
                close(objectPath, obj);
            }
            return;
        }
        writeStrings(objectPath, name, values, false, false);
    }

    private void writeStrings(String objectPath, String name, List<String> values, boolean utf8, boolean scalar) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long obj = open(objectPath);
            long type = H5Tcopy(H5T_C_S1_g());
            H5Tset_size(type, H5T_VARIABLE);
            H5Tset_cset(type, utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
            long space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, new long[]{values.size()}, null);
            long attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
            PointerPointer<BytePointer> pointers = new PointerPointer<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                pointers.put(i, new BytePointer(values.get(i), StandardCharsets.UTF_8));
            }
            if (H5Awrite(attr, type, pointers) < 0) {
                throw new IllegalStateException("cannot write attribute " + name);
            }
            H5Aclose(attr);
            H5Sclose(space);
            H5Tclose(type);
            close(objectPath, obj);
        }
    }

    /** A float32 dataset of {@code shape}, creating parent groups as needed. */
    void floats(String path, long[] shape, float[] values) {
        group(path.substring(0, path.lastIndexOf('/')));
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long space = H5Screate_simple(shape.length, shape, null);
            long ds = H5Dcreate2(file, path, H5T_IEEE_F32LE_g(), space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            if (H5Dwrite(ds, H5T_NATIVE_FLOAT_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, new FloatPointer(values)) < 0) {
                throw new IllegalStateException("cannot write " + path);
            }
            H5Dclose(ds);
            H5Sclose(space);
        }
    }

    private long open(String objectPath) {
        return objectPath.equals("/") ? file : H5Gopen2(file, objectPath, H5P_DEFAULT);
    }

    private void close(String objectPath, long obj) {
        if (!objectPath.equals("/")) {
            H5Gclose(obj);
        }
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5Fclose(file);
        }
    }
}
