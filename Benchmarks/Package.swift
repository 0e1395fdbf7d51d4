// swift-tools-version:6.0
// The throughput benchmark, kept out of the root package so `swift test` never builds or runs it.
// Build and run from this folder: swift build -c release && .build/release/baoxun-bench
import PackageDescription

let package = Package(
  name: "baoxun-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "baoxun", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "baoxun-bench",
      dependencies: [.product(name: "BaoxunKit", package: "baoxun")]
    )
  ]
)
