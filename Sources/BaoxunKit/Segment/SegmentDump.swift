/// The segmenter's view of an issue as an indented tree, for `baoxun segment`.
public enum SegmentDump {
  public static func render(_ articles: [Article]) -> String {
    var out = ""
    for a in articles {
      out += "article \(a.index) [\(a.kind.rawValue)]\(a.hasOrphanedLead ? " (lead reattached)" : "")\n"
      if let k = a.kicker { out += "  kicker:      \(k.text)\n" }
      if let h = a.headline { out += "  headline:    \(h.text)\n" }
      if let s = a.subheadline { out += "  subheadline: \(s.text)\n" }
      if !a.byline.isEmpty { out += "  byline:      \(a.byline.joined(separator: " "))\n" }
      for s in a.sentences where !s.isHeadline { out += "  | \(s.text)\n" }
    }
    return out
  }
}
