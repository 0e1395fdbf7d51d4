/// Each sentence with the spans that matched, their fields and rule ids, and the matches that
/// lost an overlap with the rule that beat them and why: the rule author's view, for `explain`.
public enum ExplainDump {
  public struct Style: Sendable {
    public var span: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    public static let plain = Style(span: { "⟦\($0)⟧" }, dim: { $0 })
    public static let terminal = Style(span: { "\u{1B}[1;33m\($0)\u{1B}[0m" }, dim: { "\u{1B}[2m\($0)\u{1B}[0m" })
    public init(span: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String) {
      self.span = span
      self.dim = dim
    }
  }

  public static func render(_ analysis: IssueAnalysis, style: Style = .plain, all: Bool = false) -> String {
    var out = ""
    for s in analysis.sentences where all || !s.matches.kept.isEmpty || !s.matches.lost.isEmpty {
      out += "[\(s.article)] \(marked(s, analysis.text, style))\n"
      for m in s.matches.kept {
        let fields = (m.groups.map { "\($0.key)=\($0.value.text)" } + m.set.map { "\($0.key)=\($0.value)" })
          .sorted().joined(separator: " ")
        out += "    \(m.record.rawValue) \(m.ruleID): \(m.text)  \(fields)\n"
      }
      for l in s.matches.lost {
        out += style.dim(
          "    lost \(l.loser.record.rawValue) \(l.loser.ruleID): \(l.loser.text) — beaten by \(l.winner.ruleID) on \(l.reason.rawValue)\n")
      }
      for f in s.matches.failures { out += "    error: \(f.message)\n" }
    }
    return out
  }

  static func marked(_ s: MatchedSentence, _ text: NormalizedText, _ style: Style) -> String {
    var out = ""
    var at = s.sentence.range.lowerBound
    for m in s.matches.kept.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where m.range.lowerBound >= at {
      out += text.string(at..<m.range.lowerBound) + style.span(text.string(m.range))
      at = m.range.upperBound
    }
    return out + text.string(at..<s.sentence.range.upperBound)
  }
}
