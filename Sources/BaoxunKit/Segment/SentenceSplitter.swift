/// Splits a paragraph into sentences at 。！？ (keeping closing quotes with their sentence);
/// very long runs are cut at a comma so one sentence never grows without bound.
public enum SentenceSplitter {
  static let enders: Set<Unicode.Scalar> = ["。", "！", "？", "…"]
  static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", "》"]
  static let maxLength = 600

  public static func split(_ text: NormalizedText, _ range: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = range.lowerBound
    var i = range.lowerBound
    let s = text.scalars
    while i < range.upperBound {
      let c = s[i]
      var cut = false
      if enders.contains(c) {
        while i + 1 < range.upperBound, enders.contains(s[i + 1]) || closers.contains(s[i + 1]) {
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
