import Testing

@testable import BaoxunKit

/// The fast scalar helpers must give exactly what the slow calls they replace give: conversions
/// on any text (combining marks, kana with voicing marks, compatibility ideographs, CRLF), and
/// searches on the composed CJK and ASCII text normalizing produces.
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

  @Test func scalarsOfDecodesLikeTheScalarView() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let s = random(Int.random(in: 0...30, using: &rng), &rng) + "𠀀·x"
      #expect([Unicode.Scalar](scalarsOf: s) == Array(s.unicodeScalars))
    }
  }

  /// On plain text the scalar searches the segmenter uses answer as the string calls did.
  @Test func scalarSearchesAgreeWithStringCallsOnPlainText() {
    let plain: [Unicode.Scalar] = ["记", "者", "本", "报", "讯", "（", "）", " ", "、", "。", "a"]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
        plain.randomElement(using: &rng)!
      }
      let word = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
        plain.randomElement(using: &rng)!
      }
      let (t, w) = (String(scalars: text), String(scalars: word))
      let slice = ([" "] + text)[1...]
      #expect(slice.hasScalarPrefix(word) == t.hasPrefix(w), "\(t) \(w)")
      #expect(slice.hasScalarSuffix(word) == t.hasSuffix(w), "\(t) \(w)")
      #expect(slice.containsScalars(word) == t.contains(w), "\(t) \(w)")
      let tokens = slice.scalarTokens { $0 == " " || $0 == "、" }.map { String(scalars: $0) }
      #expect(tokens == t.split(whereSeparator: { $0 == " " || $0 == "、" }).map(String.init))
    }
  }
}
