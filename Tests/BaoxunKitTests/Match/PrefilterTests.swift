import Foundation
import Testing

@testable import BaoxunKit

/// The multi-literal matcher and the prefilter built on it: it may only skip rules that cannot
/// match, so records are the same with and without it.
@Suite struct PrefilterTests {
  /// Every word occurring in `text`, found the slow way.
  func naive(_ words: [[Unicode.Scalar]], _ text: [Unicode.Scalar]) -> [Int] {
    words.indices.filter { w in
      let n = words[w]
      guard !n.isEmpty, n.count <= text.count else { return false }
      return (0...(text.count - n.count)).contains { Array(text[$0..<($0 + n.count)]) == n }
    }
  }

  @Test func finderFindsOverlappingNestedAndRepeatedWords() {
    let list = ["he", "she", "his", "hers", "书记", "区委书记", "委书", "记者", "总投资", "投资", "书", "书记"]
    let words = list.map { Array($0.unicodeScalars) }
    let finder = LiteralFinder(words)
    for text in ["ushers", "区委书记刘颖", "记者", "这19个项目总投资近7.6亿元", "", "h", "区委副书记", "书"] {
      let scalars = Array(text.unicodeScalars)
      #expect(finder.words(in: scalars) == naive(words, scalars), "\(text)")
    }
  }

  @Test func finderAgreesWithNaiveSearchOnRandomText() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("投资总额亿元万项目签约书记".unicodeScalars)
    func random(_ length: Int) -> [Unicode.Scalar] {
      (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
    }
    let words = (0..<40).map { _ in random(Int.random(in: 1...4, using: &rng)) }
    let finder = LiteralFinder(words)
    for _ in 0..<300 {
      let text = random(Int.random(in: 0...60, using: &rng))
      #expect(finder.words(in: text) == naive(words, text))
    }
  }

  @Test func everyRuleThatMatchesASentenceIsLetThrough() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let prefilter = Prefilter(book.rules)
    let pipeline = Pipeline(book: book, usePrefilter: false)
    var checked = 0
    for file in try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path]) {
      let text = try Decoder.decode([UInt8](Data(contentsOf: file.url))).text
      for sentence in pipeline.analyze(text: text, issue: file.display).sentences {
        let chosen = Set(prefilter.candidates(in: sentence.sentence.text))
        for (r, rule) in book.rules.enumerated() where !chosen.contains(r) {
          let found = try rule.regex.matches(in: sentence.sentence.text)
          #expect(found.isEmpty, "\(rule.id) matches but was skipped: \(sentence.sentence.text)")
        }
        checked += 1
      }
    }
    #expect(checked > 1000)
  }

  /// The tracker's promise: records identical with and without the prefilter, on every issue.
  @Test func recordsAreTheSameWithoutThePrefilter() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let with = Pipeline(book: book, usePrefilter: true)
    let without = Pipeline(book: book, usePrefilter: false)
    let (matcher, plain) = (with.makeMatcher(), without.makeMatcher())
    let files = try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path])
    #expect(files.count >= 10)
    for file in files {
      let a = RowBuilder.rows(with.process(file, matcher: matcher))
      let b = RowBuilder.rows(without.process(file, matcher: plain))
      #expect(a == b, "\(file.display)")
    }
  }

  /// Stronger than the records: every match and every overlap loss, with its groups, is the
  /// same when PCRE2 stops at the last literal a match needs (`Rule.limitLiterals`) as when it
  /// searches every sentence to its end.
  @Test func matchesAreTheSameWhenTheSearchStopsAtTheLastLiteral() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    #expect(book.rules.filter { !$0.limitLiterals.isEmpty }.count > book.rules.count / 2)
    let pipeline = Pipeline(book: book, usePrefilter: true)
    let (limited, plain) = (pipeline.makeMatcher(), Matcher(book: book, usePrefilter: false))
    var matches = 0
    for file in try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path]) {
      let text = try Decoder.decode([UInt8](Data(contentsOf: file.url))).text
      let analysis = pipeline.analyze(text: text, issue: file.display, matcher: limited)
      let sentences = analysis.sentences.map(\.sentence)
      for (a, b) in zip(analysis.sentences.map(\.matches), plain.match(sentences, in: analysis.text)) {
        #expect(a.kept == b.kept && a.lost == b.lost && a.failures == b.failures)
        matches += a.kept.count
      }
    }
    #expect(matches > 500)
  }

  @Test func candidatesNeedEveryRequiredSet() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let prefilter = Prefilter(book.rules)
    let r = try #require(book.rules.firstIndex { $0.requiredLiterals.count >= 2 })
    let sets = book.rules[r].requiredLiterals
    let both = sets.map { $0[0] }.joined(separator: "，")
    #expect(prefilter.candidates(in: both).contains(r))
    #expect(!prefilter.candidates(in: sets[0][0]).contains(r) || sets[1].contains { sets[0][0].contains($0) })
    #expect(!prefilter.candidates(in: "").contains(r))
  }
}
