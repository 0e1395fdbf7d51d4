import BaoxunKit
import Foundation

/// `--per-rule`: what each rule costs on one copy of the corpus, run on every sentence and on
/// the sentences the prefilter lets through, with the literals the prefilter uses for it. This
/// is where to look when a rule makes the pipeline slow.
enum RuleCosts {
  static func report(_ corpus: BenchCorpus, book: RuleBook) -> String {
    let normalizer = Normalizer()
    let segmenter = Segmenter()
    var sentences: [[UInt32]] = []
    for source in corpus.sources {
      guard let text = try? Decoder.decode(source.bytes).text else { continue }
      for article in segmenter.segment(normalizer.normalize(text)) where article.kind != .teaser {
        sentences += article.sentences.map { $0.text.unicodeScalars.map(\.value) }
      }
    }
    let prefilter = Prefilter(book.rules)
    let scratch = MatchScratch(ovectorPairs: book.maxCaptureCount + 1)
    var rows: [(id: String, all: Double, filtered: Double, passed: Int, literals: [[String]])] = []
    for rule in book.rules { rows.append((rule.id, 0, 0, 0, rule.requiredLiterals)) }
    let texts = sentences.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
    var chosen: [[Int]] = []
    let prefilterTime = Timing.of { chosen = texts.map { prefilter.candidates(in: $0) } }.wall
    func run(_ regex: CompiledRegex, on indices: [Int]) -> Double {
      Timing.of {
        for s in indices {
          sentences[s].withUnsafeBufferPointer { buffer in
            _ = try? regex.forEachMatch(in: buffer, scratch: scratch) { _ in }
          }
        }
      }.wall
    }
    for (r, rule) in book.rules.enumerated() {
      let passed = chosen.indices.filter { chosen[$0].contains(r) }
      rows[r].all = run(rule.regex, on: Array(sentences.indices))
      rows[r].filtered = run(rule.regex, on: passed)
      rows[r].passed = passed.count
    }
    var out = "per rule, \(sentences.count) sentences, \(format(megabytes(corpus.utf8Bytes / corpus.copies), 2)) MB"
      + " (ms on every sentence, ms on the prefiltered ones, share of sentences let through, literals):\n"
    for row in rows.sorted(by: { $0.filtered > $1.filtered }) {
      let share = Double(row.passed) / Double(max(sentences.count, 1)) * 100
      let shown = row.literals.isEmpty ? "(none: always runs)"
        : row.literals.map { set in
          set.prefix(5).joined(separator: " ") + (set.count > 5 ? " … (\(set.count))" : "")
        }.joined(separator: " & ")
      out += "  \(row.id.padding(toLength: 36, withPad: " ", startingAt: 0)) "
        + "\(format(row.all * 1000).leftPad(8)) \(format(row.filtered * 1000).leftPad(8)) "
        + "\(format(share).leftPad(5))%  \(shown)\n"
    }
    let total = rows.reduce(0) { $0 + $1.all }
    let filtered = rows.reduce(0) { $0 + $1.filtered }
    out += "  total: \(format(total * 1000)) ms on every sentence, \(format(filtered * 1000)) ms prefiltered, "
      + "prefilter itself \(format(prefilterTime * 1000)) ms\n"
    return out
  }
}

extension String {
  func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
