/**
 * File helpers every layer uses: atomic writes (temporary file, then rename), SHA-256, file-name stems.
 * Depends on no other package of the application (only the root {@code AppException}).
 */
package dev.dl4jmnist.io;
