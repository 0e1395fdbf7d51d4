import Foundation

/// Precision, recall and F1 of one record type (or of titles, kinds, qualifiers).
public struct Score: Sendable, Equatable {
  public var tp = 0
  public var fp = 0
  public var fn = 0
  public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
  public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// Scores extracted rows against gold files exactly as `shared/tools/score.py` does, so the two
/// always agree: the same normalization, the same greedy one-to-one matching, the same fuzzy names.
public struct Scorer {
  public typealias Row = [String: String]
  public static let kinds = ["officials", "titles", "amounts", "amount_kind", "qualifier", "jobs", "projects", "events", "articles"]

  public internal(set) var scores: [String: Score] = [:]
  /// What went wrong, per kind: `issue: missed X`, `issue: extra Y`, title and kind mismatches.
  public internal(set) var details: [String: [String]] = [:]

  public init() {}

  public static func issueKey(_ path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  static let dropped: Set<Character> = ["“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』", "《", "》"]

  /// NFKC, then without whitespace or quotation marks.
  static func norm(_ s: String?) -> String {
    String((s ?? "").precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && !dropped.contains($0) })
  }

  static func splitMulti(_ s: String?) -> [String] {
    (s ?? "").split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "；" }).map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  static func fuzzy(_ a: String, _ b: String) -> Bool {
    let a = Array(norm(a).unicodeScalars)
    let b = Array(norm(b).unicodeScalars)
    if a.isEmpty || b.isEmpty { return false }
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    if contains(long, short), Double(short.count) / Double(long.count) >= 0.5 { return true }
    let sa = Set(a)
    let sb = Set(b)
    return Double(sa.intersection(sb).count) / Double(sa.union(sb).count) >= 0.6
  }

  static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    guard needle.count <= hay.count else { return false }
    for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return true }
    return false
  }

  static func number(_ s: String?) -> Double? { s.flatMap { Double($0.replacingOccurrences(of: ",", with: "")) } }

  struct Matched<P, G> {
    var score = Score()
    var misses: [G] = []
    var extras: [P] = []
    var pairs: [(P, G)] = []
  }

  /// Greedy one-to-one matching; a second mention of an already-matched gold item is no error.
  static func match<P, G>(_ preds: [P], _ req: [G], _ opt: [G], _ same: (P, G) -> Bool) -> Matched<P, G> {
    var usedReq = Array(repeating: false, count: req.count)
    var usedOpt = Array(repeating: false, count: opt.count)
    var m = Matched<P, G>()
    for p in preds {
      if let i = req.indices.first(where: { !usedReq[$0] && same(p, req[$0]) }) {
        usedReq[i] = true
        m.score.tp += 1
        m.pairs.append((p, req[i]))
        continue
      }
      if let i = opt.indices.first(where: { !usedOpt[$0] && same(p, opt[$0]) }) {
        usedOpt[i] = true
        continue
      }
      if (req + opt).contains(where: { same(p, $0) }) { continue }
      m.score.fp += 1
      m.extras.append(p)
    }
    m.misses = req.indices.filter { !usedReq[$0] }.map { req[$0] }
    m.score.fn = m.misses.count
    return m
  }

  mutating func add(_ kind: String, _ s: Score) {
    var t = scores[kind, default: Score()]
    t.tp += s.tp
    t.fp += s.fp
    t.fn += s.fn
    scores[kind] = t
  }

  mutating func note<P, G>(_ kind: String, _ issue: String, _ m: Matched<P, G>, miss: (G) -> String, extra: (P) -> String) {
    add(kind, m.score)
    details[kind, default: []] += m.misses.map { "\(issue): missed \(miss($0))" }
    details[kind, default: []] += m.extras.map { "\(issue): extra \(extra($0))" }
  }
}
