/// Rewrites `\p{sc=Han}` in an expanded pattern as the explicit code-point ranges of the Han
/// script. PCRE2's JIT looks a script up in its Unicode tables for every character it tests,
/// and rule macros test Han at every step of their repeats; a class of ranges is a few
/// comparisons, and the shipped rules ran twice as fast with it. The ranges are read from the
/// installed PCRE2 itself, once per process, so the class means exactly what `\p{sc=Han}` means
/// for the library that runs it, whatever its Unicode version.
enum ScriptRanges {
  static let han = "\\p{sc=Han}"

  /// The Han ranges as class contents (`\x{2E80}-\x{2E99}…`), or nil if PCRE2 could not be asked.
  static let hanRanges: String? = {
    guard let regex = try? CompiledRegex(han + "+") else { return nil }
    // Every scalar from U+0080 up, in order: each run PCRE2 finds is one range.
    let all = (UInt32(0x80)...0x10FFFF).filter { !(0xD800...0xDFFF).contains($0) }
    var ranges: [ClosedRange<UInt32>] = []
    let scratch = MatchScratch(ovectorPairs: 1, matchLimit: 100_000_000)
    let ok = all.withUnsafeBufferPointer { buffer -> Bool in
      do {
        try regex.forEachMatch(in: buffer, scratch: scratch) { ovector in
          // A run is one range unless it steps over the surrogates, which `all` leaves out.
          var first = ovector[0]
          for i in ovector[0]..<ovector[1] where i + 1 == ovector[1] || all[i + 1] != all[i] + 1 {
            ranges.append(all[first]...all[i])
            first = i + 1
          }
        }
        return true
      } catch {
        return false
      }
    }
    guard ok, !ranges.isEmpty else { return nil }
    return ranges.map { r in
      r.lowerBound == r.upperBound ? hex(r.lowerBound) : hex(r.lowerBound) + "-" + hex(r.upperBound)
    }.joined()
  }()

  static func hex(_ v: UInt32) -> String { "\\x{" + String(v, radix: 16, uppercase: true) + "}" }

  /// `pattern` with each `\p{sc=Han}` spelled as ranges: inside a class as more of its members,
  /// elsewhere as a class of its own. Unchanged if the ranges are not known, or if the pattern
  /// uses syntax a simple scan could misread (see `AlternationFactoring.hasContextualSyntax`).
  static func expand(_ pattern: String) -> String {
    guard pattern.contains(han), let ranges = hanRanges else { return pattern }
    let chars = Array(pattern.unicodeScalars)
    guard !AlternationFactoring.hasContextualSyntax(chars) else { return pattern }
    let needle = Array(han.unicodeScalars)
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(chars.count)
    let inside = Array(ranges.unicodeScalars)
    let alone: [Unicode.Scalar] = ["["] + inside + ["]"]
    var i = 0
    var classEnd = -1  // while i < classEnd, i is inside a class
    while i < chars.count {
      if chars[i] == "\\", chars[i...].starts(with: needle) {
        out += i < classEnd ? inside : alone
        i += needle.count
      } else if chars[i] == "\\" {
        out += chars[i..<min(i + 2, chars.count)]
        i += 2
      } else {
        if chars[i] == "[", i >= classEnd { classEnd = AlternationFactoring.classEnd(chars, from: i) }
        out.append(chars[i])
        i += 1
      }
    }
    return String(scalars: out)
  }
}
