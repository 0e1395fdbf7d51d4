import Foundation
import Testing

@testable import BaoxunKit

/// Factoring word alternations into tries (and every other rewrite of `PatternOptimizer`) may
/// only change speed: the same matches, with the same groups, on every sentence of the corpus
/// and for every shipped rule.
@Suite struct AlternationFactoringTests {
  @Test(arguments: [
    // Words sharing a first character keep their order under it; lone characters become a class.
    ("(?:投资|投入|签约|投产|书)", "(?:投[资入产]|签约|书)"),
    ("(?:常务副县长|副县长|县长|张|王|李)", "(?:常务副县长|副县长|县长|[张王李])"),
    // A word that is a prefix of another stays where it was among them.
    ("(?:项目建设|项目|项|工程)", "(?:项(?:目建设|目|)|工程)"),
    // Lookaheads may also fold in a class of characters: their order cannot matter.
    ("(?![的和与]|投资|建设|开工)", "(?!投资|建设|开工|[的和与])"),
    ("a(?![的和]|投资|投入|开工)b", "a(?!投[资入]|开工|[的和])b"),
    // Other branches of a lookaround stay beside the factored words; a lookbehind's words are
    // factored by length, since each of its branches must have a fixed length.
    ("(?<=^|[，。]|的|了|中|在|了解|来到)", "(?<=^|[，。的了中在]|了解|来到)"),
    ("(?<!人才|合作|重大|重点)", "(?<!人才|合作|重[大点])"),
    ("(?=\\d|投资|投入|开工|签约)", "(?=\\d|投[资入]|开工|签约)"),
    // A lookahead of many first characters is answered at most places by a class of them.
    ("(?![的和]|投资|建设|开工|签约|落户|推进|实施)", "(?!(?=[投建开签落推实的和])(?:投资|建设|开工|签约|落户|推进|实施|[的和]))"),
  ])
  func factorsWordLists(_ pattern: String, _ expected: String) {
    #expect(AlternationFactoring.factor(pattern) == expected)
  }

  @Test(arguments: [
    "(?:a|b|c|d)",  // ASCII could be read differently under (?i) or (?x)
    "(?:ａ|ｂ|ｃ|ｄ)",  // fullwidth letters fold under (?i) too
    "(?:投资|建设|开工|\\d)",  // a branch that is not a word, where order counts
    "(?:投资|(?:建设)|开工|签约)",  // a nested group
    "(?:投资|建设|开工|)",  // an empty branch
    "(?:投资|建设|开工|签约?)",  // a quantifier
    "(?:投资|建设)",  // too short to gain
    "[(?:投资|建设|开工|签约)]",  // inside a class nothing is a group
    "\\(?:投资|建设|开工|签约)",  // an escaped parenthesis
  ])
  func leavesOtherGroupsAlone(_ pattern: String) {
    #expect(AlternationFactoring.factor(pattern) == pattern)
  }

  /// Syntax that changes how the characters after it read, and marks that a character-level
  /// scan would glue to a parenthesis: the optimized pattern must match exactly as written.
  @Test(arguments: [
    ("\\Q(?:甲|乙|丙|丁)\\E", "(?:甲|乙|丙|丁)"),
    ("[\\Q]\\E(?:甲|乙|丙|丁)]", "|"),
    ("(\\c(?:甲|乙|丙|丁)", "乙"),
    ("(?:(?=甲|乙|丙|丁)\u{301}|戊)", "甲"),
    ("(?=甲|乙|丙|丁|(\u{301}x))..", "甲z"),
    ("(?x)x(?:\u{200E}|甲|乙|丙)", "x"),
    ("(?x)(?=戊|甲|乙|丙|丁 # )\n )..", "甲z"),
    ("[\u{301}\\p{sc=Han}]", "中"),
    ("\\Q\\p{sc=Han}\\E", "\\p{sc=Han}"),
    ("(?i)(?:ａ|ｂ|ｃ|ｄ)", "Ａ"),
  ])
  func trickyPatternsMatchAsWritten(_ pattern: String, _ subject: String) throws {
    let written = try CompiledRegex(pattern)
    let optimized = try CompiledRegex(PatternOptimizer.optimize(pattern))
    #expect(try optimized.matches(in: subject) == written.matches(in: subject), "\(PatternOptimizer.optimize(pattern))")
  }

  @Test func factoredRulesMatchExactlyAsWritten() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let expander = MacroExpander(macros: book.macros, lexicons: book.lexicons)
    var pairs: [(id: String, written: CompiledRegex, factored: CompiledRegex)] = []
    for rule in book.rules {
      let pattern = try expander.expand(rule.source).pattern
      let factored = PatternOptimizer.optimize(pattern)
      if factored != pattern {
        pairs.append((rule.id, try CompiledRegex(pattern), try CompiledRegex(factored)))
      }
    }
    #expect(pairs.count >= 20, "most rules use a word list or a macro with one")
    let pipeline = Pipeline(book: book)
    var sentences = 0
    var matched = 0
    for file in try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path]) {
      let text = try Decoder.decode([UInt8](Data(contentsOf: file.url))).text
      for s in pipeline.analyze(text: text, issue: file.display).sentences {
        for pair in pairs {
          let written = try pair.written.matches(in: s.sentence.text)
          #expect(try pair.factored.matches(in: s.sentence.text) == written, "\(pair.id): \(s.sentence.text)")
          matched += written.count
        }
        sentences += 1
      }
    }
    #expect(sentences > 1000 && matched > 500)
  }
}
