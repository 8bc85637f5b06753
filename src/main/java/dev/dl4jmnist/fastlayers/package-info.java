/**
 * Faster implementations of DL4J layers, computing what DL4J's own do: {@link
 * dev.dl4jmnist.fastlayers.LeanDenseLayer} (installed by {@link dev.dl4jmnist.fastlayers.LeanMultiLayerNetwork})
 * skips two matrix products of the dense backward pass that DL4J 1.0.0-M2.1 computes and never uses, and
 * {@link dev.dl4jmnist.fastlayers.NativeConvolutionLayer} and {@link dev.dl4jmnist.fastlayers.NativeSubsamplingLayer}
 * run convolution and pooling as libnd4j's operations (oneDNN's in the AVX2 and AVX-512 builds), a path
 * DL4J has but never takes. Configurations, summaries and saved files stay DL4J's own; {@link
 * dev.dl4jmnist.fastlayers.FormerLayerNames} lets files saved under the layers' former package load.
 * Depends on DL4J and ND4J only.
 */
package dev.dl4jmnist.fastlayers;
