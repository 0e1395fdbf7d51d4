/// Text with spans marked inline as ⟦…⟧; `spans` are their ranges in Unicode scalars of `text`.
struct MarkedText {
  let text: String
  let spans: [Range<Int>]

  init(_ marked: String) {
    var out = String.UnicodeScalarView()
    var spans: [Range<Int>] = []
    var open: Int? = nil
    for s in marked.unicodeScalars {
      if s == "⟦" {
        open = out.count
      } else if s == "⟧", let o = open {
        spans.append(o..<out.count)
        open = nil
      } else {
        out.append(s)
      }
    }
    text = String(out)
    self.spans = spans
  }
}

/// Prefixes that shift scalar offsets by a known amount: a BOM is not counted, CRLF counts two,
/// a character outside the BMP counts one.
enum OffsetShift: String, CaseIterable, Sendable {
  case none, bom, crlf, nonBMP

  var prefix: String {
    switch self {
    case .none: return ""
    case .bom: return "\u{FEFF}"
    case .crlf: return "\r\n"
    case .nonBMP: return "𠀀"
    }
  }

  /// Scalars the prefix adds to offsets in the decoded text.
  var shift: Int {
    switch self {
    case .none, .bom: return 0
    case .crlf: return 2
    case .nonBMP: return 1
    }
  }
}
