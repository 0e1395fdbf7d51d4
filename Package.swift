// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "baoxun",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "baoxun", targets: ["baoxun"]),
    .library(name: "BaoxunKit", targets: ["BaoxunKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-32",
      providers: [.apt(["libpcre2-dev"])]
    ),
    .target(
      name: "BaoxunKit",
      dependencies: ["CPCRE2", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "baoxun",
      dependencies: ["BaoxunKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Helpers both test targets share (scratch folders that are removed at exit).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "BaoxunKitTests",
      dependencies: ["BaoxunKit", "TestSupport"],
      exclude: ["Numbers/vector-known-differences.tsv"]
    ),
    .testTarget(name: "baoxunTests", dependencies: ["baoxun", "BaoxunKit", "TestSupport"]),
  ]
)
