/// Runs the rules on an issue's sentences and keeps, per sentence and record type, the
/// non-overlapping winners. One Matcher per thread: it owns PCRE2 match data, a JIT stack and
/// the prefilter's working buffers.
public final class Matcher {
  public let book: RuleBook
  let scratch: MatchScratch
  let prefilter: Prefilter?
  /// Per sentence, the rules to run on it as a bitset of `words` words.
  private var picks: [UInt64] = []
  /// The prefilter's working bitsets, reused from sentence to sentence.
  private var choice = Prefilter.Scratch()
  /// Per sentence and rule, the last place a match can start (`Prefilter.limit`), or `noLimit`.
  private var limits: [Int32] = []
  private static let noLimit = Int32.max
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
    match([sentence], in: text)[0]
  }

  /// Matches many sentences (an issue's) rule by rule: each rule runs over every sentence that
  /// needs it before the next rule starts, so its JIT code (tens of kilobytes a rule, a megabyte
  /// for the shipped rules) stays in the processor's cache instead of being fetched again for
  /// each sentence. The results are those of matching each sentence alone, rules in book order.
  public func match(_ sentences: [Sentence], in text: NormalizedText) -> [SentenceMatches] {
    let rules = book.rules
    let words = max(1, (rules.count + 63) / 64)
    choose(sentences, in: text, words: words)
    var found = [[Mention]](repeating: [], count: sentences.count)
    var failures = [[MatchFailure]](repeating: [], count: sentences.count)
    // PCRE2 reads the normalized text's scalars in place: a sentence is a slice of them, and
    // match offsets are scalar offsets into it.
    text.scalars.withUnsafeBufferPointer { scalars in
      scalars.withMemoryRebound(to: UInt32.self) { units in
        picks.withUnsafeBufferPointer { picks in
          for (r, rule) in rules.enumerated() {
            let (w, bit) = (r / 64, UInt64(1) << UInt64(r % 64))
            for k in sentences.indices where picks[k * words + w] & bit != 0 {
              let limit = limits[k * rules.count + r]
              // A limit set with no literal in the sentence: the rule cannot match there.
              guard limit >= 0 else { continue }
              let base = sentences[k].range.lowerBound
              let subject = UnsafeBufferPointer(rebasing: units[sentences[k].range])
              func string(_ lower: Int, _ upper: Int) -> String {
                String(scalars: scalars[(base + lower)..<(base + upper)])
              }
              do throws(RegexError) {
                try rule.regex.forEachMatch(
                  in: subject, scratch: scratch, startingBy: limit == Self.noLimit ? nil : Int(limit)
                ) { ovector in
                  let (start, end) = (ovector[0], ovector[1])
                  guard start < end else { return }
                  var groups = GroupCaptures()
                  for g in rule.fieldGroups {
                    let (s, e) = (ovector[2 * g.number], ovector[2 * g.number + 1])
                    guard s >= 0 && e >= s else { continue }
                    groups.append(g.name, GroupCapture(range: (base + s)..<(base + e), text: string(s, e)))
                  }
                  // A reading that the aggregator must still confirm never beats one it need not.
                  let priority = groups["confirm"] == nil ? rule.priority : min(rule.priority, Mention.unconfirmedPriority)
                  found[k].append(Mention(ruleID: rule.id, record: rule.record, priority: priority,
                    range: (base + start)..<(base + end), text: string(start, end), groups: groups, set: rule.set))
                }
              } catch {
                let why = error == .matchLimit
                  ? "rule '\(rule.id)' hit the PCRE2 match limit: simplify its pattern (nested repeats?)"
                  : "rule '\(rule.id)': \(error)"
                failures[k].append(MatchFailure(ruleID: rule.id, sentence: sentences[k].range, message: why))
              }
            }
          }
        }
      }
    }
    return sentences.indices.map { k in
      if found[k].isEmpty && failures[k].isEmpty { return SentenceMatches(kept: [], lost: [], failures: []) }
      let (kept, lost) = OverlapResolver.resolve(found[k], keepingLosses: keepsLosses)
      return SentenceMatches(kept: kept, lost: lost, failures: failures[k])
    }
  }

  /// Fills `picks` with the rules each sentence needs: the prefilter's choice, or every rule.
  private func choose(_ sentences: [Sentence], in text: NormalizedText, words: Int) {
    picks.removeAll(keepingCapacity: true)
    picks.append(contentsOf: repeatElement(0, count: sentences.count * words))
    let rules = book.rules.count
    limits.removeAll(keepingCapacity: true)
    limits.append(contentsOf: repeatElement(Self.noLimit, count: sentences.count * rules))
    for (k, sentence) in sentences.enumerated() {
      guard let prefilter else {
        for r in book.rules.indices { picks[k * words + r / 64] |= 1 << UInt64(r % 64) }
        continue
      }
      let scalars = text.scalars[sentence.range]
      // Most sentences need no rule at all, and the prefilter says so before PCRE2 is called.
      guard scalars.withUnsafeBufferPointer({ prefilter.candidates(in: $0, into: &choice) }) else { continue }
      for w in 0..<words {
        picks[k * words + w] = choice.picked[w]
        var rest = choice.picked[w]
        while rest != 0 {
          let r = w * 64 + rest.trailingZeroBitCount
          rest &= rest - 1
          if let limit = prefilter.limit(r, choice) { limits[k * rules + r] = Int32(clamping: limit) }
        }
      }
    }
  }
}
