import Foundation

/// Paths of the repository and of the shared folder beside it, found from this source file.
enum RepoPaths {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      let fm = FileManager.default
      if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
        fm.fileExists(atPath: url.appendingPathComponent("Rules").path)
      {
        return url
      }
      url.deleteLastPathComponent()
    }
    fatalError("repository root not found above \(#filePath)")
  }()

  static var rules: URL { root.appendingPathComponent("Rules") }
  static var corpus: URL { root.appendingPathComponent("Corpus") }
  static var seed: URL { corpus.appendingPathComponent("issues/000_a0d1a62f7fd3dcd1.txt") }
  static var seedText: String { try! String(contentsOf: seed, encoding: .utf8) }
}
