/// Splits a paragraph into sentences at 。！？ (keeping closing quotes with their sentence);
/// very long runs are cut at a comma so one sentence never grows without bound.
public enum SentenceSplitter {
  static let maxLength = 600

  /// 。！？…
  @inline(__always)
  static func isEnder(_ c: Unicode.Scalar) -> Bool {
    c == "。" || c == "！" || c == "？" || c == "…"
  }

  /// ”’」』）》
  @inline(__always)
  static func isCloser(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "”", "’", "」", "』", "）", "》": return true
    default: return false
    }
  }

  public static func split(_ text: NormalizedText, _ range: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = range.lowerBound
    var i = range.lowerBound
    let s = text.scalars
    while i < range.upperBound {
      let c = s[i]
      // Ideographs (most scalars) end nothing; only the hard length limit can cut at one.
      if c.value >= 0x3400 && c.value <= 0x9FFF && i - start < maxLength * 4 {
        i += 1
        continue
      }
      var cut = false
      if isEnder(c) {
        while i + 1 < range.upperBound, isEnder(s[i + 1]) || isCloser(s[i + 1]) {
          i += 1
        }
        cut = true
      } else if c == "\n" {
        cut = true
      } else if i - start >= maxLength, c == "，" || c == "；" || c == " " {
        cut = true
      } else if i - start >= maxLength * 4 {
        cut = true
      }
      if cut {
        append(start..<(i + 1), to: &out, in: s)
        start = i + 1
      }
      i += 1
    }
    append(start..<range.upperBound, to: &out, in: s)
    return out
  }

  static func append(_ r: Range<Int>, to out: inout [Range<Int>], in s: [Unicode.Scalar]) {
    var lower = r.lowerBound
    var upper = r.upperBound
    while lower < upper, s[lower] == " " || s[lower] == "\n" { lower += 1 }
    while upper > lower, s[upper - 1] == " " || s[upper - 1] == "\n" { upper -= 1 }
    if lower < upper { out.append(lower..<upper) }
  }
}
