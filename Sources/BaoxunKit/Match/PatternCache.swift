/// Groups already read while loading one rule book, by their text, with what the literal
/// analysis found in them and how `AlternationFactoring` rewrote them. Macros such as `{NAME}`
/// are expanded into every rule that uses them, so the same long groups (a surname list, a
/// "no verb here" lookahead) recur across patterns; with this cache each distinct group is
/// parsed, analysed and factored once, which was most of the time spent loading the rules. A
/// group's node, facts and rewrite depend on its text alone, so a cached answer is the one the
/// group would get afresh. Not shared between threads: one per load.
final class PatternCache {
  /// Each distinct group text read so far, `(` to `)`, with its number.
  private var numbers: [ArraySlice<Unicode.Scalar>: Int] = [:]
  /// For each number, the group's node.
  private(set) var nodes: [PatternNode] = []
  /// For each number whose group was analysed, its facts (see `LiteralAnalysis.both`).
  var facts: [Int: (all: LiteralAnalysis.Facts, forward: LiteralAnalysis.Facts?)] = [:]
  /// Plain groups (opener to `)`) with their factored body, or nil when left as written.
  var factored: [ArraySlice<Unicode.Scalar>: [Unicode.Scalar]?] = [:]

  /// The number of a group read before whose text is exactly `text`, if any.
  func number(of text: ArraySlice<Unicode.Scalar>) -> Int? { numbers[text] }

  /// Records the node read from `text` and returns its new number.
  func add(_ text: ArraySlice<Unicode.Scalar>, _ node: PatternNode) -> Int {
    numbers[text] = nodes.count
    nodes.append(node)
    return nodes.count - 1
  }
}
