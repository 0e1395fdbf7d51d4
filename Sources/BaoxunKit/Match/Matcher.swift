/// A span a rule matched in a sentence: ranges are Unicode-scalar offsets into the normalized
/// text, so they map back to the original file through its offset map.
public struct Mention: Sendable, Equatable {
  public var ruleID: String
  public var record: RecordType
  public var priority: Int
  public var range: Range<Int>
  public var text: String
  /// Named groups that took part in the match, with their text and scalar range.
  public var groups: GroupCaptures
  /// Constant fields from the rule's `set:`.
  public var set: [String: String]

  public func field(_ name: String) -> String? { groups[name]?.text ?? set[name] }
}

public struct GroupCapture: Sendable, Equatable {
  public var range: Range<Int>
  public var text: String
}

/// A match's named groups, looked up by name. A rule has a handful of fields, so a short list
/// searched in order beats a dictionary, which cost a hashed allocation per match.
public struct GroupCaptures: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
  private var entries: [(key: String, value: GroupCapture)] = []

  public init(dictionaryLiteral elements: (String, GroupCapture)...) {
    for (k, v) in elements { self[k] = v }
  }

  public subscript(name: String) -> GroupCapture? {
    get { entries.first { $0.key == name }?.value }
    set {
      entries.removeAll { $0.key == name }
      if let newValue { entries.append((name, newValue)) }
    }
  }

  public var isEmpty: Bool { entries.isEmpty }

  /// Sets a group found in a match: groups sharing a name (`DUPNAMES`) come in pattern order,
  /// and the last that took part wins.
  mutating func append(_ name: String, _ capture: GroupCapture) {
    if let i = entries.firstIndex(where: { $0.key == name }) {
      entries[i].value = capture
    } else {
      entries.append((name, capture))
    }
  }

  public func makeIterator() -> IndexingIterator<[(key: String, value: GroupCapture)]> {
    entries.makeIterator()
  }

  public static func == (a: GroupCaptures, b: GroupCaptures) -> Bool {
    a.entries.count == b.entries.count && a.entries.allSatisfy { b[$0.key] == $0.value }
  }
}

/// A match that lost an overlap, with the match that beat it and why: `explain` shows these.
public struct OverlapLoss: Sendable, Equatable {
  public enum Reason: String, Sendable { case priority, length, position }
  public var loser: Mention
  public var winner: Mention
  public var reason: Reason
}

/// A rule that hit PCRE2's match limit on a sentence: reported, never silently dropped.
public struct MatchFailure: Sendable, Equatable {
  public var ruleID: String
  public var sentence: Range<Int>
  public var message: String
}

public struct SentenceMatches: Sendable {
  public var kept: [Mention]
  public var lost: [OverlapLoss]
  public var failures: [MatchFailure]
}

/// Runs every rule on a sentence and keeps, per record type, the non-overlapping winners.
/// One Matcher per thread: it owns PCRE2 match data, a JIT stack and per-sentence buffers.
public final class Matcher {
  public let book: RuleBook
  let scratch: MatchScratch
  let prefilter: Prefilter?
  /// The sentence as UTF-8, what PCRE2 reads; its storage is reused.
  private var bytes: [UInt8] = []
  /// For each byte of `bytes` (and one past the end), the scalar offset in the sentence.
  private var scalarAtByte: [Int32] = []
  /// The prefilter's working bitsets, reused from sentence to sentence.
  private var choice = Prefilter.Scratch()
  /// Whether to keep the overlap losers (for `explain` and coverage); a batch run has no use for
  /// them, and with many overlapping rules they were most of what the matcher allocated.
  public var keepsLosses = true

  /// A matcher with its own prefilter (or none): building one takes a few milliseconds.
  public convenience init(book: RuleBook, usePrefilter: Bool = true, matchLimit: UInt32 = 100_000) {
    self.init(book: book, prefilter: usePrefilter ? Prefilter(book.rules) : nil, matchLimit: matchLimit)
  }

  /// A matcher sharing a prefilter built once for `book.rules` (it is read-only, so threads can
  /// share it); nil runs every rule on every sentence.
  public init(book: RuleBook, prefilter: Prefilter?, matchLimit: UInt32 = 100_000) {
    self.book = book
    scratch = MatchScratch(ovectorPairs: book.maxCaptureCount + 1, matchLimit: matchLimit)
    self.prefilter = prefilter
  }

  public func match(_ sentence: Sentence, in text: NormalizedText) -> SentenceMatches {
    let scalars = text.scalars[sentence.range]
    // Most sentences need no rule at all: they are never encoded for PCRE2.
    if let prefilter, !scalars.withUnsafeBufferPointer({ prefilter.candidates(in: $0, into: &choice) }) {
      return SentenceMatches(kept: [], lost: [], failures: [])
    }
    encode(scalars)
    let base = sentence.range.lowerBound
    var found: [Mention] = []
    var failures: [MatchFailure] = []
    let rules = book.rules
    bytes.withUnsafeBufferPointer { buffer in
      scalarAtByte.withUnsafeBufferPointer { scalarAt in
        func scalars(_ lower: Int, _ upper: Int) -> Range<Int> {
          (base + Int(scalarAt[lower]))..<(base + Int(scalarAt[upper]))
        }
        func string(_ lower: Int, _ upper: Int) -> String {
          String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<upper]), as: UTF8.self)
        }
        func run(_ r: Int) {
          let rule = rules[r]
          do {
            try rule.regex.forEachMatch(in: buffer, scratch: scratch) { ovector in
              let (start, end) = (ovector[0], ovector[1])
              guard start < end else { return }
              var groups = GroupCaptures()
              for g in rule.fieldGroups {
                let (s, e) = (ovector[2 * g.number], ovector[2 * g.number + 1])
                guard s >= 0 && e >= s else { continue }
                groups.append(g.name, GroupCapture(range: scalars(s, e), text: string(s, e)))
              }
              found.append(Mention(ruleID: rule.id, record: rule.record, priority: rule.priority,
                range: scalars(start, end), text: string(start, end), groups: groups, set: rule.set))
            }
          } catch {
            let why = error == .matchLimit
              ? "rule '\(rule.id)' hit the PCRE2 match limit: simplify its pattern (nested repeats?)"
              : "rule '\(rule.id)': \(error)"
            failures.append(MatchFailure(ruleID: rule.id, sentence: sentence.range, message: why))
          }
        }
        if prefilter != nil {
          for (w, word) in choice.picked.enumerated() {
            var rest = word
            while rest != 0 {
              run(w * 64 + rest.trailingZeroBitCount)
              rest &= rest - 1
            }
          }
        } else {
          for r in rules.indices { run(r) }
        }
      }
    }
    if found.isEmpty && failures.isEmpty { return SentenceMatches(kept: [], lost: [], failures: []) }
    let (kept, lost) = OverlapResolver.resolve(found, keepingLosses: keepsLosses)
    return SentenceMatches(kept: kept, lost: lost, failures: failures)
  }

  /// Fills `bytes` and `scalarAtByte` for one sentence, keeping their storage: the sentence is
  /// measured first, then encoded straight into the buffers, with no per-byte append.
  private func encode(_ scalars: ArraySlice<Unicode.Scalar>) {
    var count = 0
    for s in scalars { count += UTF8Width.of(s) }
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: repeatElement(0, count: count))
    scalarAtByte.removeAll(keepingCapacity: true)
    scalarAtByte.append(contentsOf: repeatElement(0, count: count + 1))
    bytes.withUnsafeMutableBufferPointer { out in
      scalarAtByte.withUnsafeMutableBufferPointer { at in
        var k = 0
        var n: Int32 = 0
        for s in scalars {
          let start = k
          UTF8Width.write(s, to: out, at: &k)
          for b in start..<k { at[b] = n }
          n += 1
        }
        at[count] = n
      }
    }
  }

}

/// Overlapping mentions of one record type are resolved by priority, then length, then position.
public enum OverlapResolver {
  public static func resolve(_ mentions: [Mention], keepingLosses: Bool = true)
    -> (kept: [Mention], lost: [OverlapLoss])
  {
    let ordered = mentions.sorted { a, b in
      if a.priority != b.priority { return a.priority > b.priority }
      if a.range.count != b.range.count { return a.range.count > b.range.count }
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      return a.ruleID < b.ruleID
    }
    var kept: [Mention] = []
    var lost: [OverlapLoss] = []
    for m in ordered {
      if let winner = kept.first(where: { $0.record == m.record && $0.range.overlaps(m.range) }) {
        guard keepingLosses else { continue }
        let reason: OverlapLoss.Reason = winner.priority != m.priority ? .priority
          : winner.range.count != m.range.count ? .length : .position
        lost.append(OverlapLoss(loser: m, winner: winner, reason: reason))
      } else {
        kept.append(m)
      }
    }
    kept.sort { ($0.range.lowerBound, $0.record) < ($1.range.lowerBound, $1.record) }
    return (kept, lost)
  }
}
