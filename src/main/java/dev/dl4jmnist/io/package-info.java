/**
 * File helpers every layer uses: atomic writes (temporary file, then rename), SHA-256, file-name stems.
 * Depends on no other package of the application.
 */
package dev.dl4jmnist.io;
