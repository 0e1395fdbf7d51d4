/// Each sentence with the spans that matched, their fields and rule ids, and the matches that
/// lost an overlap with the rule that beat them and why: the rule author's view, for `explain`.
public enum ExplainDump {
  /// How spans, rule ids and lost matches are set off: ANSI colours on a terminal, brackets and
  /// plain text in a pipe or a file (so `grep` and diffs see the text itself).
  public struct Style: Sendable {
    public var span: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    public var rule: @Sendable (String) -> String
    public static let plain = Style(span: { "⟦\($0)⟧" }, dim: { $0 }, rule: { $0 })
    public static let terminal = Style(
      span: { "\u{1B}[1;33m\($0)\u{1B}[0m" }, dim: { "\u{1B}[2m\($0)\u{1B}[0m" },
      rule: { "\u{1B}[36m\($0)\u{1B}[0m" })
    public init(
      span: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String,
      rule: @escaping @Sendable (String) -> String = { $0 }
    ) {
      self.span = span
      self.dim = dim
      self.rule = rule
    }
  }

  /// Which rules `explain --rule` shows: one id (`amount.investment`), or a family by its
  /// prefix (`amount.` or `amount.*`, or just `amount`).
  public struct RuleFilter: Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }

    public func matches(_ id: String) -> Bool {
      let prefix = text.hasSuffix("*") ? String(text.dropLast()) : text
      if id == prefix { return true }
      return prefix.hasSuffix(".") ? id.hasPrefix(prefix) : id.hasPrefix(prefix + ".")
    }
  }

  /// The dump; `all` also lists sentences where nothing matched, `rule` keeps only the lines
  /// of matching rules (and the sentences where they matched, won or lost).
  public static func render(
    _ analysis: IssueAnalysis, style: Style = .plain, all: Bool = false,
    rule filter: RuleFilter? = nil
  ) -> String {
    let rows = rowsByPlace(analysis)
    let shows = { (id: String) in filter?.matches(id) ?? true }
    var out = ""
    for s in analysis.sentences {
      let kept = s.matches.kept.filter { shows($0.ruleID) }
      let lost = s.matches.lost.filter { shows($0.loser.ruleID) || shows($0.winner.ruleID) }
      let failures = s.matches.failures.filter { shows($0.ruleID) }
      guard all || !kept.isEmpty || !lost.isEmpty || !failures.isEmpty else { continue }
      out += "[\(s.article)] \(marked(s, kept, analysis.text, style))\n"
      for m in kept {
        let fields =
          (m.groups.map { "\($0.key)=\($0.value.text)" } + m.set.map { "\($0.key)=\($0.value)" })
          .sorted().joined(separator: " ")
        out += "    \(m.record.rawValue) \(style.rule(m.ruleID)): \(m.text)  \(fields)\n"
        let place = analysis.text.originalRange(m.range)
        if let row = rows[Place(rule: m.ruleID, start: place.lowerBound, end: place.upperBound)] {
          out += style.dim("      → \(row)") + "\n"
        } else if m.record == .amount || m.record == .job {
          out +=
            style.dim(
              "      → no row: the number parser read no quantity here, or an equal row came earlier"
            ) + "\n"
        }
      }
      for l in lost {
        out +=
          style.dim(
            "    lost \(l.loser.record.rawValue) \(l.loser.ruleID): \(l.loser.text) — beaten by \(l.winner.ruleID) on \(why(l))"
          )
          + "\n"
      }
      for f in failures { out += "    error: \(f.message)\n" }
    }
    return out
  }

  /// `priority (5 < 12)`, `length (4 < 9 characters)` or `position (starts later)`.
  static func why(_ l: OverlapLoss) -> String {
    switch l.reason {
    case .priority: return "priority (\(l.loser.priority) < \(l.winner.priority))"
    case .length: return "length (\(l.loser.range.count) < \(l.winner.range.count) characters)"
    case .position: return "position (same priority and length, starts later)"
    }
  }

  struct Place: Hashable {
    var rule: String
    var start: Int
    var end: Int
  }

  /// Each output row, keyed by its rule and original offsets, as `column=value` text: so a
  /// match can show the record it became (officials: one row per person, at the first mention).
  static func rowsByPlace(_ analysis: IssueAnalysis) -> [Place: String] {
    let provenance: Set<String> = ["issue", "article", "start", "end", "sentence", "rule", "text"]
    var out: [Place: String] = [:]
    for (table, rows) in RowBuilder.rows(analysis.records)
    where table != .articles && table != .errors {
      for row in rows {
        let r = table.keyed(row)
        let place = Place(
          rule: r["rule"] ?? "", start: Int(r["start"] ?? "") ?? -1, end: Int(r["end"] ?? "") ?? -1)
        out[place] = zip(table.columns, row).filter { !provenance.contains($0.0) && !$0.1.isEmpty }
          .map { "\($0.0)=\($0.1)" }.joined(separator: " ")
      }
    }
    return out
  }

  static func marked(
    _ s: MatchedSentence, _ kept: [Mention], _ text: NormalizedText, _ style: Style
  ) -> String {
    var out = ""
    var at = s.sentence.range.lowerBound
    for m in kept.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
    where m.range.lowerBound >= at {
      out += text.string(at..<m.range.lowerBound) + style.span(text.string(m.range))
      at = m.range.upperBound
    }
    return out + text.string(at..<s.sentence.range.upperBound)
  }
}
