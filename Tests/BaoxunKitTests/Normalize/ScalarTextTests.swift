import Testing

@testable import BaoxunKit

/// The fast string helpers must give exactly what the slow calls they replace give, including
/// on text that is not "plain" (combining marks, kana with voicing marks, compatibility
/// ideographs, CRLF), where they hand over to the original call.
@Suite struct ScalarTextTests {
  static let alphabet: [Unicode.Scalar] = [
    "记", "者", "本", "报", "讯", "（", "）", " ", "◎", "。", "，", "a", "e", "\r", "\n",
    "\u{301}", "\u{FE0F}", "\u{200D}", "\u{F91D}", "\u{6B04}", "\u{304B}", "\u{3099}", "\u{304C}",
    "é", "\u{1100}", "\u{1161}", "\u{AC00}",
  ]

  func random(_ length: Int, _ rng: inout SystemRandomNumberGenerator) -> String {
    String(String.UnicodeScalarView((0..<length).map { _ in Self.alphabet.randomElement(using: &rng)! }))
  }

  @Test func stringFromScalarsIsTheSameString() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let s = random(Int.random(in: 0...30, using: &rng), &rng)
      let scalars = Array(s.unicodeScalars)
      #expect(String(scalars: scalars[...]) == s)
      #expect(Array(String(scalars: scalars).utf8) == Array(s.utf8))
    }
    #expect(String(scalars: Array("𠀀x".unicodeScalars)) == "𠀀x")
  }

  @Test func plainHelpersAgreeWithTheCallsTheyReplace() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let text = random(Int.random(in: 0...12, using: &rng), &rng)
      let word = random(Int.random(in: 1...3, using: &rng), &rng)
      #expect(PlainText.hasPrefix(text, word) == text.hasPrefix(word), "\(text.debugDescription) \(word.debugDescription)")
      #expect(PlainText.hasSuffix(text, word) == text.hasSuffix(word), "\(text.debugDescription) \(word.debugDescription)")
      #expect(PlainText.contains(text, word) == text.contains(word), "\(text.debugDescription) \(word.debugDescription)")
    }
  }

  @Test func plainCoversTheNewspaperRepertoire() {
    #expect(PlainText.isPlain("本报讯（记者 阮伟康）昨日，“创投余杭”系列签约：总投资7.6亿元、ＧＤＰ增长6%…"))
    #expect(!PlainText.isPlain("e\u{301}"))
    #expect(!PlainText.isPlain("\u{F91D}"))  // a compatibility ideograph, canonically 欄
    #expect(!PlainText.isPlain("\r\n"))
  }
}
