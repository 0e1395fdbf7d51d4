import BaoxunKit
import CFuzzerDriver
import Foundation

/// The whole pipeline with the shipped rules (matcher and aggregator included), for crashes
/// that only happen once rules fire: every row must point inside the original text, and
/// every row must go through the CSV and JSONL writers.
enum PipelineTarget {
  /// The rules under test: `$BAOXUN_RULES`, else `Rules/` of the checkout this was built from.
  static let pipeline: Pipeline = {
    let env = ProcessInfo.processInfo.environment["BAOXUN_RULES"]
    let rules =
      env.map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../Rules"
      ).standardized
    do {
      return Pipeline(book: try RuleBook.load(from: rules))
    } catch {
      fatalError("cannot load the rules in \(rules.path) (set BAOXUN_RULES): \(error)")
    }
  }()
  /// libFuzzer calls the target on one thread, so one matcher (PCRE2 scratch memory) serves all inputs.
  nonisolated(unsafe) static let matcher = pipeline.makeMatcher()
  /// Every rule on every sentence, searched to the end: what the prefilter and the offset
  /// limit it sets must not change.
  nonisolated(unsafe) static let plain = Matcher(book: pipeline.book, usePrefilter: false)

  static func run(_ bytes: [UInt8]) {
    let text = (try? BaoxunKit.Decoder.decode(bytes).text) ?? String(decoding: bytes, as: UTF8.self)
    let length = text.unicodeScalars.count
    let analysis = pipeline.analyze(text: text, issue: "fuzz.txt", matcher: matcher)
    let records = analysis.records
    // Failures may differ (a match limit hit only after the last literal is never reached with
    // the prefilter); the matches may not.
    let unfiltered = plain.match(analysis.sentences.map(\.sentence), in: analysis.text)
    for (a, b) in zip(analysis.sentences.map(\.matches), unfiltered) {
      precondition(a.kept == b.kept && a.lost == b.lost, "pipeline: the prefilter changed the matches")
    }
    let spans =
      records.articles.map(\.provenance) + records.officials.map(\.provenance)
      + records.events.map(\.provenance) + records.projects.map(\.provenance)
      + records.amounts.map(\.provenance) + records.jobs.map(\.provenance)
    for p in spans {
      precondition(
        p.start >= 0 && p.start <= p.end && p.end <= length,
        "pipeline: rule '\(p.rule)' row at \(p.start)..<\(p.end) outside 0..<\(length)")
    }
    var bytes: [UInt8] = []
    for (table, rows) in RowBuilder.rows(records) {
      for row in rows {
        precondition(
          row.count == table.columns.count, "pipeline: \(table) row has \(row.count) fields")
        CSVWriter.append(row: row, to: &bytes)
        JSONLWriter.append(row: row, table: table, to: &bytes)
      }
    }
  }
}

/// libFuzzer's entry point for this target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  PipelineTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
  return 0
}

/// The program's entry point, handed to libFuzzer's driver (see `BaoxunFuzz/FuzzMain.swift`).
@_cdecl("BaoxunFuzzPipeline_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
