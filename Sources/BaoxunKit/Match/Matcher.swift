/// A span a rule matched in a sentence: ranges are Unicode-scalar offsets into the normalized
/// text, so they map back to the original file through its offset map.
public struct Mention: Sendable, Equatable {
  public var ruleID: String
  public var record: RecordType
  public var priority: Int
  public var range: Range<Int>
  public var text: String
  /// Named groups that took part in the match, with their text and scalar range.
  public var groups: [String: GroupCapture]
  /// Constant fields from the rule's `set:`.
  public var set: [String: String]

  public func field(_ name: String) -> String? { groups[name]?.text ?? set[name] }
}

public struct GroupCapture: Sendable, Equatable {
  public var range: Range<Int>
  public var text: String
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
/// One Matcher per thread: it owns PCRE2 match data and a JIT stack.
public final class Matcher {
  public let book: RuleBook
  let scratch: MatchScratch
  let prefilter: Prefilter?

  public init(book: RuleBook, usePrefilter: Bool = true, matchLimit: UInt32 = 100_000) {
    self.book = book
    scratch = MatchScratch(ovectorPairs: book.maxCaptureCount + 1, matchLimit: matchLimit)
    prefilter = usePrefilter ? Prefilter(book.rules) : nil
  }

  public func match(_ sentence: Sentence, in text: NormalizedText) -> SentenceMatches {
    var bytes: [UInt8] = []
    var scalarAtByte: [Int32] = []
    bytes.reserveCapacity(sentence.range.count * 3)
    scalarAtByte.reserveCapacity(sentence.range.count * 3 + 1)
    for (k, s) in text.scalars[sentence.range].enumerated() {
      let before = bytes.count
      UTF8.encode(s) { bytes.append($0) }
      for _ in before..<bytes.count { scalarAtByte.append(Int32(k)) }
    }
    scalarAtByte.append(Int32(sentence.range.count))
    let base = sentence.range.lowerBound
    func scalars(_ r: Range<Int>) -> Range<Int> {
      (base + Int(scalarAtByte[r.lowerBound]))..<(base + Int(scalarAtByte[r.upperBound]))
    }
    let candidates = prefilter?.candidates(in: sentence.text) ?? Array(book.rules.indices)
    var found: [Mention] = []
    var failures: [MatchFailure] = []
    bytes.withUnsafeBufferPointer { buffer in
      for r in candidates {
        let rule = book.rules[r]
        do {
          for m in try rule.regex.matches(in: buffer, scratch: scratch) where !m.range.isEmpty {
            var groups: [String: GroupCapture] = [:]
            for g in rule.fieldGroups {
              guard let br = m.groups[g.number] else { continue }
              let sr = scalars(br)
              groups[g.name] = GroupCapture(range: sr, text: text.string(sr))
            }
            let whole = scalars(m.range)
            found.append(Mention(ruleID: rule.id, record: rule.record, priority: rule.priority,
              range: whole, text: text.string(whole), groups: groups, set: rule.set))
          }
        } catch let error as RegexError {
          let why = error == .matchLimit
            ? "rule '\(rule.id)' hit the PCRE2 match limit: simplify its pattern (nested repeats?)"
            : "rule '\(rule.id)': \(error)"
          failures.append(MatchFailure(ruleID: rule.id, sentence: sentence.range, message: why))
        } catch {
          failures.append(MatchFailure(ruleID: rule.id, sentence: sentence.range, message: "\(error)"))
        }
      }
    }
    let (kept, lost) = OverlapResolver.resolve(found)
    return SentenceMatches(kept: kept, lost: lost, failures: failures)
  }
}

/// Overlapping mentions of one record type are resolved by priority, then length, then position.
public enum OverlapResolver {
  public static func resolve(_ mentions: [Mention]) -> (kept: [Mention], lost: [OverlapLoss]) {
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
