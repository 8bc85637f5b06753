/**
 * File helpers every layer uses: atomic writes (temporary file, then rename; stale temporaries of killed
 * processes removed), writes that Ctrl-C lets finish as a unit, one writer per model file (a lock beside
 * it), configuration files read strictly, SHA-256, file-name stems.
 * Depends on no other package of the application (only the root {@code AppException}/{@code UsageException}).
 */
package dev.dl4jmnist.io;
