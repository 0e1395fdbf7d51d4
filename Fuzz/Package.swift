// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for BaoxunKit, kept out of the root package so that `swift build` and
/// `swift test` there never need the fuzzer runtime. `BaoxunFuzz` covers the text stages
/// (decoder, normalizer, segmenter, number parser); `BaoxunFuzzPipeline` runs every stage with
/// the shipped rules. Build and run as the README's "Fuzzing" section says.
let package = Package(
  name: "BaoxunFuzz",
  dependencies: [.package(name: "baoxun", path: "..")],
  targets: [
    .executableTarget(
      name: "BaoxunFuzz",
      dependencies: ["CFuzzerDriver", .product(name: "BaoxunKit", package: "baoxun")]
    ),
    .executableTarget(
      name: "BaoxunFuzzPipeline",
      dependencies: ["CFuzzerDriver", .product(name: "BaoxunKit", package: "baoxun")]
    ),
    .target(name: "CFuzzerDriver"),
  ]
)
