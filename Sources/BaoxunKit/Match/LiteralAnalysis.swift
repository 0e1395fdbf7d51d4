/// Finds, for a rule's expanded pattern, sets of literals that every sentence the rule can match
/// must hit (at least one literal of each set); the prefilter then skips the rule on sentences
/// that miss one. Conservative: a pattern the parser does not fully understand gets no sets, and
/// the rule always runs, so the prefilter can only change speed, never records.
enum LiteralAnalysis {
  /// A literal as scalars: sets of them must not merge canonically equal but different texts,
  /// as `Set<String>` would, since the prefilter looks for exact bytes.
  typealias Literal = [Unicode.Scalar]

  /// Largest set a concatenation of exact alternatives may grow to before it is cut in two.
  static let productLimit = 256
  /// Largest exact set kept for an alternation (a word list of a few hundred entries fits).
  static let unionLimit = 4096
  /// How many sets a node keeps (its most selective ones): any of them may be dropped without
  /// harm, since each alone is a valid requirement, and keeping all grows with the pattern.
  static let keptPerNode = 6
  /// How many sets `requirements` returns at most: each further set filters less than the one
  /// before and costs the prefilter another check.
  static let maxRequirements = 3
  /// A further set costlier than this (twenty single characters) passes nearly every sentence:
  /// checking it would cost the prefilter more than it saves.
  static let maxFurtherCost = 20_000

  /// Sets of literals that a sentence must all hit for the pattern to match there, most
  /// selective first, each sorted shortest first; empty when nothing is known. A set implied by
  /// one already chosen (each of whose literals contains one of its literals) is left out.
  static func requirements(_ pattern: String) -> [[String]] {
    guard let node = try? PatternParser.parse(pattern) else { return [] }
    return choose(facts(node))
  }

  /// `requirements`, and the sets whose literal every match holds at or after the place it
  /// starts (what lookbehinds require is left out, since their text lies before that place):
  /// a match cannot start after the last occurrence of such a set's literals. Groups found in
  /// `cache` (read in an earlier pattern of the same rule book) are not parsed or analysed again.
  static func requirementsAndForward(
    _ pattern: String, cache: PatternCache? = nil
  ) -> (all: [[String]], forward: [[String]]) {
    guard let node = try? PatternParser.parse(pattern, cache: cache) else { return ([], []) }
    let facts = both(node, cache)
    let all = choose(facts.all)
    return (all, facts.forward.map(choose) ?? all)
  }

  private static func choose(_ facts: Facts) -> [[String]] {
    var chosen: [Set<Literal>] = []
    for set in bySelectivity(facts.conjunction) where chosen.count < maxRequirements {
      if !chosen.isEmpty && cost(set) > maxFurtherCost { break }
      if !chosen.contains(where: { implies($0, set) }) { chosen.append(set) }
    }
    return chosen.map { sorted($0).map { String(String.UnicodeScalarView($0)) } }
  }

  /// What is known of the texts a node can match.
  struct Facts: Equatable {
    /// Every text the node can match, when that is a small finite set (`[]` when it can be empty).
    var exact: Set<Literal>?
    /// Sets the subject must all hit for a match: the match's own text, or for a lookaround the
    /// subject beside it, contains a literal of each.
    var required: [Set<Literal>] = []

    /// `required`, with the exact texts as one more set when the node cannot match empty.
    var conjunction: [Set<Literal>] {
      guard let exact, !exact.contains([]) else { return required }
      return required + [LiteralAnalysis.minimal(exact)]
    }

    /// The most selective set of `conjunction`: what an alternation branch contributes.
    var best: Set<Literal>? { LiteralAnalysis.bySelectivity(conjunction).first }
  }

  static func facts(_ node: PatternNode) -> Facts { both(node).all }

  /// What is known of the texts a node can match, and the same with lookbehinds counted as
  /// requiring nothing (see `requirementsAndForward`); nil when the node has no lookbehind,
  /// so both are one, computed once. A `.group` node's facts are kept in `cache`.
  static func both(_ node: PatternNode, _ cache: PatternCache? = nil) -> (all: Facts, forward: Facts?) {
    func both(_ node: PatternNode) -> (all: Facts, forward: Facts?) { Self.both(node, cache) }
    switch node {
    case .group(let inner, let number):
      if let known = cache?.facts[number] { return known }
      let found = both(inner)
      cache?.facts[number] = found
      return found
    case .char(let c):
      return (Facts(exact: [[c]]), nil)
    case .oneOf(let chars):
      return (Facts(exact: Set(chars.map { [$0] })), nil)
    case .unknown:
      return (Facts(exact: nil), nil)
    case .empty:
      return (Facts(exact: [[]]), nil)
    case .look(let inner, let behind):
      let f = both(inner)
      let all = Facts(exact: [[]], required: f.all.conjunction)
      if behind { return (all, Facts(exact: [[]])) }
      return (all, f.forward.map { Facts(exact: [[]], required: $0.conjunction) })
    case .concat(let items):
      let parts = items.map(both)
      let all = concatenation(parts.map(\.all))
      guard parts.contains(where: { $0.forward != nil }) else { return (all, nil) }
      return (all, concatenation(parts.map { $0.forward ?? $0.all }))
    case .alternation(let branches):
      let parts = branches.map(both)
      let all = alternation(parts.map(\.all))
      guard parts.contains(where: { $0.forward != nil }) else { return (all, nil) }
      return (all, alternation(parts.map { $0.forward ?? $0.all }))
    case .repeated(let inner, let min, let max):
      let f = both(inner)
      return (repetition(f.all, min: min, max: max), f.forward.map { repetition($0, min: min, max: max) })
    }
  }

  /// `inner` repeated `min` to `max` times (nil: no upper bound).
  static func repetition(_ f: Facts, min: Int, max: Int?) -> Facts {
    if min == 0 {
      if max == 0 { return Facts(exact: [[]]) }
      if max == 1, let e = f.exact { return Facts(exact: e.union([[]])) }
      return Facts(exact: nil)
    }
    var exact: Set<Literal>? = nil
    if min == max, min <= 16, let e = f.exact {  // x{3} is xxx; x{1000} is not worth spelling out
      exact = [[]]
      for _ in 0..<min { exact = exact.flatMap { product($0, e) } }
    }
    return Facts(exact: exact, required: f.conjunction)
  }

  /// Branches: every match is a match of one branch, so what is known is the union of each
  /// branch's best set, and a branch that needs nothing makes the alternation need nothing.
  static func alternation(_ branches: [Facts]) -> Facts {
    var exact: Set<Literal>? = []
    var union: Set<Literal>? = []
    for f in branches {
      if let e = f.exact, let soFar = exact, soFar.count + e.count <= unionLimit {
        exact = soFar.union(e)
      } else {
        exact = nil
      }
      if let b = f.best, let soFar = union { union = soFar.union(b) } else { union = nil }
    }
    return Facts(exact: exact, required: union.map { [minimal($0)] } ?? [])
  }

  /// Items one after another: every item's sets are needed, and adjacent exact sets multiply
  /// into longer literals (cut where the product would grow too large).
  static func concatenation(_ items: [Facts]) -> Facts {
    var needed: [Set<Literal>] = []
    var run: Set<Literal> = [[]]
    var whole: Set<Literal>? = [[]]
    func flush() {
      if !run.contains([]) { needed.append(minimal(run)) }
      run = [[]]
    }
    for f in items {
      needed += f.required
      guard let e = f.exact else {
        flush()
        whole = nil
        continue
      }
      if !e.contains([]) { needed.append(minimal(e)) }
      if let p = product(run, e) {
        run = p
      } else {
        flush()
        run = e
      }
      whole = whole.flatMap { product($0, e) }
    }
    flush()
    var kept: [Set<Literal>] = []
    for set in bySelectivity(needed) where kept.count < keptPerNode && !kept.contains(set) {
      kept.append(set)
    }
    return Facts(exact: whole, required: kept)
  }

  /// Every `a + b`, or nil when there would be more than `productLimit` of them.
  static func product(_ a: Set<Literal>, _ b: Set<Literal>) -> Set<Literal>? {
    if b == [[]] { return a }
    if a == [[]] { return b }
    guard a.count * b.count <= productLimit else { return nil }
    var out = Set<Literal>()
    for x in a { for y in b { out.insert(x + y) } }
    return out
  }

  /// Drops every literal that contains another one of the set: whenever it occurs, so does the
  /// shorter one, so the set says the same with fewer, shorter literals.
  static func minimal(_ set: Set<Literal>) -> Set<Literal> {
    var kept = Set<Literal>()
    for s in sorted(set) where !hasPart(s, in: kept, shorterThan: s.count) { kept.insert(s) }
    return kept
  }

  /// True when every literal of `a` contains a literal of `b`: wherever `a` hits, `b` does too.
  static func implies(_ a: Set<Literal>, _ b: Set<Literal>) -> Bool {
    a.allSatisfy { hasPart($0, in: b, shorterThan: $0.count + 1) }
  }

  /// True when some stretch of `s` shorter than `limit` scalars is in `set` (literals are a few
  /// characters long, so trying every stretch is cheaper than comparing with every member).
  static func hasPart(_ s: Literal, in set: Set<Literal>, shorterThan limit: Int) -> Bool {
    let longest = min(limit - 1, s.count)
    guard longest >= 1 else { return false }
    for length in 1...longest {
      for start in 0...(s.count - length) where set.contains(Array(s[start..<(start + length)])) {
        return true
      }
    }
    return false
  }

  /// Shortest first, then by scalar values: a stable order that does not depend on hashing.
  static func sorted(_ set: Set<Literal>) -> [Literal] {
    set.sorted(by: precedes)
  }

  static func precedes(_ a: Literal, _ b: Literal) -> Bool {
    a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b) { $0.value < $1.value }
  }

  /// Most selective first: lower cost, then fewer literals, then by their order, so the choice
  /// never depends on hashing order.
  static func bySelectivity(_ sets: [Set<Literal>]) -> [Set<Literal>] {
    sets.map { (set: $0, cost: cost($0), order: sorted($0)) }
      .sorted { a, b in
        if a.cost != b.cost { return a.cost < b.cost }
        if a.set.count != b.set.count { return a.set.count < b.set.count }
        return a.order.lexicographicallyPrecedes(b.order, by: precedes)
      }
      .map(\.set)
  }

  /// A rough chance, in thousandths, that a sentence holds at least one of the literals: one
  /// character is common, and each further character makes a literal much rarer. Whole numbers,
  /// so the sum does not depend on the order a set is walked in.
  static func cost(_ set: Set<Literal>) -> Int {
    set.reduce(0) { total, s in
      switch s.count {
      case 1: return total + 1000
      case 2: return total + 150
      case 3: return total + 40
      case 4: return total + 15
      default: return total + 10
      }
    }
  }
}
