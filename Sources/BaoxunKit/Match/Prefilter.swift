/// Picks the rules worth running on a sentence. A rule's required literal sets (see
/// `LiteralAnalysis`) must each be hit for it to match, so a rule that misses one is skipped:
/// only the time differs with or without the prefilter, never the records. Rules without sets
/// always run. Every literal of every rule is found in one pass over the sentence's scalars (see
/// `LiteralFinder`), so the cost of choosing grows with the sentence, not with the number of rules.
public struct Prefilter: Sendable {
  /// Words of a rule bitset: bit `r % 64` of word `r / 64` stands for rule `r`.
  let words: Int
  /// The rules that have no literals, as a bitset.
  let always: [UInt64]
  let finder: LiteralFinder
  /// For each literal, the rules whose first (most selective) set holds it, `words` words each.
  let masks: [UInt64]
  /// Words of a bitset over the rules' further sets (conditions).
  let conditionWords: Int
  /// For each literal, the further sets that hold it, `conditionWords` words each.
  let conditionMasks: [UInt64]
  /// For each rule, the conditions that must also be hit (its second and later sets).
  let conditionsOf: [[Int]]
  /// For each rule, its `limitLiterals` as literal numbers: no match of the rule starts after
  /// the last occurrence of any set's literals (`limit`).
  let limitSets: [[[Int]]]
  let literalCount: Int

  public init(_ rules: [Rule]) {
    words = max(1, (rules.count + 63) / 64)
    var always = [UInt64](repeating: 0, count: words)
    var literalIndex: [[Unicode.Scalar]: Int] = [:]
    var literals: [[Unicode.Scalar]] = []
    var firstOf: [[Int]] = []  // per literal: the rules whose first set holds it
    var furtherOf: [[Int]] = []  // per literal: the conditions (later sets) that hold it
    var conditionsOf: [[Int]] = []
    var conditionCount = 0
    func index(_ literal: String) -> Int {
      let scalars = Array(literal.unicodeScalars)
      if let known = literalIndex[scalars] { return known }
      literalIndex[scalars] = literals.count
      literals.append(scalars)
      firstOf.append([])
      furtherOf.append([])
      return literals.count - 1
    }
    for (r, rule) in rules.enumerated() {
      var conditions: [Int] = []
      let sets = rule.requiredLiterals.filter { !$0.isEmpty }
      if sets.isEmpty { always[r / 64] |= 1 << UInt64(r % 64) }
      for (k, set) in sets.enumerated() {
        if k > 0 {
          conditions.append(conditionCount)
          conditionCount += 1
        }
        for literal in set {
          let l = index(literal)
          if k == 0 { firstOf[l].append(r) } else { furtherOf[l].append(conditions[k - 1]) }
        }
      }
      conditionsOf.append(conditions)
    }
    // After the required sets, so that their literals keep their numbers; a limit set's own
    // literals are found too, but set no rule's bit.
    limitSets = rules.map { rule in rule.limitLiterals.filter { !$0.isEmpty }.map { $0.map(index) } }
    literalCount = literals.count
    finder = LiteralFinder(literals)
    conditionWords = max(1, (conditionCount + 63) / 64)
    var masks = [UInt64](repeating: 0, count: literals.count * words)
    var conditionMasks = [UInt64](repeating: 0, count: literals.count * conditionWords)
    for literal in literals.indices {
      for r in firstOf[literal] { masks[literal * words + r / 64] |= 1 << UInt64(r % 64) }
      for c in furtherOf[literal] { conditionMasks[literal * conditionWords + c / 64] |= 1 << UInt64(c % 64) }
    }
    self.always = always
    self.masks = masks
    self.conditionMasks = conditionMasks
    self.conditionsOf = conditionsOf
  }

  /// Per-thread buffers for `candidates`, so choosing allocates nothing per sentence.
  struct Scratch {
    var picked: [UInt64] = []
    var conditions: [UInt64] = []
    /// Per literal, where its last occurrence in the sentence starts, or -1.
    var last: [Int32] = []
    /// The literals `last` holds a place for, so the next sentence clears only those.
    var seen: [Int32] = []
  }

  /// Sets `scratch.picked` to the bitset of rules to run on `sentence`; returns false when that
  /// is none, so the caller can skip the sentence.
  @discardableResult
  func candidates(in sentence: UnsafeBufferPointer<Unicode.Scalar>, into scratch: inout Scratch) -> Bool {
    if scratch.picked.count != words { scratch.picked = [UInt64](repeating: 0, count: words) }
    if scratch.conditions.count != conditionWords {
      scratch.conditions = [UInt64](repeating: 0, count: conditionWords)
    }
    if scratch.last.count != literalCount {
      scratch.last = [Int32](repeating: -1, count: literalCount)
      scratch.seen.removeAll()
    }
    for l in scratch.seen { scratch.last[Int(l)] = -1 }
    scratch.seen.removeAll(keepingCapacity: true)
    let (words, conditionWords) = (self.words, self.conditionWords)
    scratch.picked.withUnsafeMutableBufferPointer { picked in
      scratch.conditions.withUnsafeMutableBufferPointer { hit in
        scratch.last.withUnsafeMutableBufferPointer { last in
          for w in 0..<words { picked[w] = always[w] }
          for w in 0..<conditionWords { hit[w] = 0 }
          masks.withUnsafeBufferPointer { masks in
            conditionMasks.withUnsafeBufferPointer { conditionMasks in
              finder.scan(sentence) { literal, at in
                if last[literal] < 0 { scratch.seen.append(Int32(literal)) }
                last[literal] = Int32(truncatingIfNeeded: at)
                for w in 0..<words { picked[w] |= masks[literal * words + w] }
                for w in 0..<conditionWords { hit[w] |= conditionMasks[literal * conditionWords + w] }
              }
            }
          }
          // A rule whose first set was hit still needs each of its further sets.
          for w in 0..<words {
            var rest = picked[w]
            while rest != 0 {
              let bit = rest.trailingZeroBitCount
              rest &= rest - 1
              for c in conditionsOf[w * 64 + bit] where hit[c / 64] & (1 << UInt64(c % 64)) == 0 {
                picked[w] &= ~(1 << UInt64(bit))
                break
              }
            }
          }
        }
      }
    }
    return scratch.picked.contains { $0 != 0 }
  }

  /// The last place in the sentence last given to `candidates` where a match of rule `r` can
  /// start: nil when the rule has no limit sets, below 0 when one of them was not hit at all.
  func limit(_ r: Int, _ scratch: Scratch) -> Int? {
    guard !limitSets[r].isEmpty else { return nil }
    var limit = Int.max
    for set in limitSets[r] {
      var lastOfSet = -1
      for l in set { lastOfSet = max(lastOfSet, Int(scratch.last[l])) }
      limit = min(limit, lastOfSet)
    }
    return limit
  }

  /// The indices of the rules to run on `sentence`, ascending.
  public func candidates(in sentence: String) -> [Int] {
    var scratch = Scratch()
    _ = Array(sentence.unicodeScalars).withUnsafeBufferPointer { candidates(in: $0, into: &scratch) }
    return Self.indices(scratch.picked)
  }

  /// The set bits of a rule bitset, ascending.
  static func indices(_ bits: [UInt64]) -> [Int] {
    var out: [Int] = []
    for (w, word) in bits.enumerated() {
      var rest = word
      while rest != 0 {
        out.append(w * 64 + rest.trailingZeroBitCount)
        rest &= rest - 1
      }
    }
    return out
  }
}
