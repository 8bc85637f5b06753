/**
 * Notebooks: the tutorial as JShell scripts in the percent cell format ({@code // %%}), executed cell by
 * cell through {@code jdk.jshell} and written as a Jupyter notebook ({@code .ipynb}) and a self-contained
 * HTML page; {@link dev.dl4jmnist.notebook.Show} is what a notebook calls to show a picture.
 * May depend on {@code io} and the project root ({@code AppException}); knows nothing of the CLI.
 */
package dev.dl4jmnist.notebook;
