import BaoxunKit
import Foundation

/// The benchmark's input: every issue under `Corpus/`, copied as many times as it takes to reach
/// the requested size, written to a scratch folder so the full pipeline reads real files the way
/// `baoxun run` does. Copies keep their `YYYY/MM/DD` folders, so issue dates resolve as usual.
struct BenchCorpus {
  /// One issue's bytes as found in `Corpus/`, with its path relative to that folder.
  struct Source {
    var relative: String
    var bytes: [UInt8]
    /// Size of the decoded text as UTF-8: the unit every MB/s figure is measured in.
    var utf8Count: Int
  }

  var sources: [Source]
  var copies: Int
  var files: [IssueFile]
  var folder: URL

  /// Bytes of input text, as UTF-8, over all copies.
  var utf8Bytes: Int { sources.reduce(0) { $0 + $1.utf8Count } * copies }

  /// Finds the issues under `corpus`, then writes copies into `folder` until `minimumBytes`.
  static func build(from corpus: URL, minimumBytes: Int, in folder: URL) throws -> BenchCorpus {
    let found = try IssueFile.find([corpus.path])
    var sources: [Source] = []
    for file in found {
      let bytes = [UInt8](try Data(contentsOf: file.url))
      guard let decoded = try? Decoder.decode(bytes) else { continue }
      sources.append(Source(relative: file.display, bytes: bytes, utf8Count: decoded.text.utf8.count))
    }
    let perCopy = sources.reduce(0) { $0 + $1.utf8Count }
    guard perCopy > 0 else { throw BenchError("no readable *.txt issue under \(corpus.path)") }
    let copies = max(1, (minimumBytes + perCopy - 1) / perCopy)
    let fm = FileManager.default
    try? fm.removeItem(at: folder)
    for c in 0..<copies {
      let copy = folder.appendingPathComponent(String(format: "copy%04d", c))
      for source in sources {
        let url = copy.appendingPathComponent(source.relative)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source.bytes).write(to: url)
      }
    }
    let files = try IssueFile.find([folder.path])
    return BenchCorpus(sources: sources, copies: copies, files: files, folder: folder)
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
