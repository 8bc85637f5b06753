/**
 * Notebooks: the tutorial as JShell scripts in the percent cell format ({@code // %%}), executed cell by
 * cell through {@code jdk.jshell} and written as a Jupyter notebook ({@code .ipynb}) and a self-contained
 * HTML page; {@link dev.dl4jmnist.notebook.Show} is what a notebook calls to show a picture.
 * A feature package: may depend on {@code data}, {@code io} and the project root ({@code AppException});
 * knows nothing of the CLI or the application layer (notebooks themselves call {@code app}).
 */
package dev.dl4jmnist.notebook;
