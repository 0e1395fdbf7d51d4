import Testing

@testable import BaoxunKit

/// `\p{sc=Han}` spelled as ranges must mean exactly what PCRE2 means by it.
@Suite struct ScriptRangesTests {
  @Test func rangesCoverTheHanBlocks() throws {
    let ranges = try #require(ScriptRanges.hanRanges)
    #expect(ranges.contains("\\x{4E00}-\\x{9F"))
    #expect(ranges.contains("\\x{3400}-\\x{4DB"))
  }

  /// Every code point is tested against both spellings: a run of one is a run of the other.
  @Test func rangesMatchExactlyTheCodePointsOfTheScript() throws {
    let ranges = try #require(ScriptRanges.hanRanges)
    let text = (UInt32(0x20)...0x10FFFF).filter { !(0xD800...0xDFFF).contains($0) }
    func runs(_ pattern: String) throws -> [Range<Int>] {
      let regex = try CompiledRegex(pattern)
      let scratch = MatchScratch(ovectorPairs: 1, matchLimit: 100_000_000)
      var found: [Range<Int>] = []
      try text.withUnsafeBufferPointer { buffer in
        try regex.forEachMatch(in: buffer, scratch: scratch) { found.append($0[0]..<$0[1]) }
      }
      return found
    }
    let expected = try runs("\\p{sc=Han}+")
    #expect(expected.count > 5)
    #expect(try runs("[" + ranges + "]+") == expected)
    #expect(try runs("[^" + ranges + "]+") == runs("\\P{sc=Han}+"))
  }

  @Test(arguments: [
    ("\\p{sc=Han}{2,8}", "[R]{2,8}"),
    ("[\\p{sc=Han}\\d（）]", "[R\\d（）]"),
    ("[^，\\p{sc=Han}]x\\p{sc=Han}", "[^，R]x[R]"),
    ("\\\\p{sc=Han}", "\\\\p{sc=Han}"),  // an escaped backslash, then letters
    ("[\\]\\p{sc=Han}]", "[\\]R]"),
    ("\\p{Han}", "\\p{Han}"),  // script extensions: a different set, left alone
  ])
  func rewritesInAndOutOfClasses(_ pattern: String, _ expected: String) throws {
    let ranges = try #require(ScriptRanges.hanRanges)
    #expect(ScriptRanges.expand(pattern) == expected.replacingOccurrences(of: "R", with: ranges))
  }
}
