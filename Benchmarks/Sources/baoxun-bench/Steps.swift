import BaoxunKit
import Foundation

/// The measured steps of the report, each on the same corpus.
enum Steps {
  /// Decoding, normalizing and segmenting alone, on one core, from bytes already in memory: the
  /// ceiling no pipeline can pass. Returns the time of each stage separately and in total.
  static func frontEnd(_ corpus: BenchCorpus) -> (decode: Timing, normalize: Timing, segment: Timing) {
    let normalizer = Normalizer()
    let segmenter = Segmenter()
    var decode = Timing(wall: 0, cpu: 0)
    var normalize = decode
    var segment = decode
    var articles = 0
    func add(_ total: inout Timing, _ t: Timing) {
      total.wall += t.wall
      total.cpu += t.cpu
    }
    for _ in 0..<corpus.copies {
      for source in corpus.sources {
        var text = ""
        add(&decode, Timing.of { text = (try? Decoder.decode(source.bytes).text) ?? "" })
        var normalized: NormalizedText? = nil
        add(&normalize, Timing.of { normalized = normalizer.normalize(text) })
        add(&segment, Timing.of { articles += segmenter.segment(normalized!).count })
      }
    }
    precondition(articles > 0, "the corpus gave no article")
    return (decode, normalize, segment)
  }

  /// The whole of `baoxun run`: read, decode, normalize, segment, match, aggregate, write CSV.
  static func pipeline(_ corpus: BenchCorpus, book: RuleBook, prefilter: Bool, jobs: Int, out: URL)
    throws -> (Timing, BatchSummary)
  {
    let sink = try OutputSink(folder: out, format: .csv, bom: true)
    let batch = Batch(pipeline: Pipeline(book: book, usePrefilter: prefilter), jobs: jobs)
    var summary: BatchSummary? = nil
    let t = try Timing.of { summary = try batch.run(corpus.files, into: sink) }
    try sink.commit()
    return (t, summary!)
  }

  /// The rule set copied `times` times, each copy compiled anew (its own JIT code, as distinct
  /// rules would have) and renamed `id~k`, so overlaps resolve as they would between real rules.
  static func replicated(_ book: RuleBook, times: Int) throws -> RuleBook {
    var rules: [Rule] = []
    for k in 0..<times {
      for var rule in book.rules {
        if k > 0 {
          rule.id += "~\(k)"
          rule.regex = try CompiledRegex(rule.regex.pattern)
        }
        rules.append(rule)
      }
    }
    return RuleBook(rules: rules, lexicons: book.lexicons, macros: book.macros, warnings: book.warnings)
  }

  /// True when two output folders hold byte-identical files.
  static func sameOutput(_ a: URL, _ b: URL) -> Bool {
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: a.path)) ?? []).sorted()
    guard names == ((try? fm.contentsOfDirectory(atPath: b.path)) ?? []).sorted(), !names.isEmpty else {
      return false
    }
    return names.allSatisfy { fm.contentsEqual(atPath: a.appendingPathComponent($0).path,
      andPath: b.appendingPathComponent($0).path) }
  }
}
