import Foundation
import Testing

@testable import BaoxunKit

/// The literal analysis behind the prefilter: what it derives, and that it stays conservative.
@Suite struct LiteralAnalysisTests {
  func sets(_ pattern: String) -> [[String]] { LiteralAnalysis.requirements(pattern) }

  @Test func plainLiteralIsItsOwnRequirement() {
    #expect(sets("总投资") == [["总投资"]])
  }

  @Test func topLevelAlternationIsTheUnionOfItsBranches() {
    #expect(sets("签约仪式|开工仪式") == [["开工仪式", "签约仪式"]])
    #expect(sets("(?:颁发|颁授)(?<name>[^，。]{2,30}?奖)|(?:为|向)获得(?<name>[^，。]{2,30}?奖)的")
      .first == ["颁发", "颁授", "为获得", "向获得"])
  }

  @Test func aBranchThatNeedsNothingMakesTheAlternationNeedNothing() {
    #expect(sets("投资|\\d+") == [])
    #expect(sets("(?:投资)?元") == [["元"]])
  }

  @Test func optionalPartsMultiplyIntoTheRun() {
    // (?:年)? before 销售收入: every match holds 销售收入, and the longer 年销售收入 adds nothing.
    #expect(sets("(?:年)?(?:销售收入|营业收入)(?:为|达)?\\d+") == [["营业收入", "销售收入"]])
  }

  @Test func concatenationKeepsSeveralSetsMostSelectiveFirst() {
    let found = sets("(?:开工|竣工)\\p{sc=Han}{2,8}(?:仪式|典礼)")
    #expect(found == [["仪式", "典礼"], ["开工", "竣工"]] || found == [["开工", "竣工"], ["仪式", "典礼"]])
  }

  @Test func thingsThatMatchAnythingGiveNothing() {
    for pattern in [".", "\\d+", "[^，。]{2,10}", "\\p{sc=Han}+", "(?:投资)*", "(?:投资){0,3}", "(?!投资)\\w+",
      "(?<!投资)\\d", "[一-龥]+", "\\1", "x|"]
    {
      #expect(sets(pattern) == [], "\(pattern)")
    }
  }

  @Test func positiveLookaroundsCountBecauseTheSentenceMustHoldThem() {
    #expect(sets("(?<=召开)\\p{sc=Han}+") == [["召开"]])
    #expect(sets("\\d+(?=万元)") == [["万元"]])
    #expect(sets("(?<=^|，)\\d+") == [])
  }

  /// The sets that bound where a match can start leave out what a lookbehind needs: that text
  /// lies before the match. What a lookahead needs is after it, so it stays.
  @Test func forwardSetsLeaveOutWhatLookbehindsNeed() {
    let behind = LiteralAnalysis.requirementsAndForward("(?<=召开)\\p{sc=Han}{2,8}会议")
    #expect(Set(behind.all) == [["召开"], ["会议"]])
    #expect(behind.forward == [["会议"]])
    let ahead = LiteralAnalysis.requirementsAndForward("\\d+(?=万元)")
    #expect(ahead.all == [["万元"]] && ahead.forward == [["万元"]])
    let nested = LiteralAnalysis.requirementsAndForward("(?=(?<=区委)书记)\\p{sc=Han}+")
    #expect(nested.forward == [["书记"]])
  }

  @Test func smallClassesAndEscapesAreLiterals() {
    #expect(sets("[县市]委") == [["县委", "市委"]])
    #expect(sets("GDP\\(亿\\)") == [["GDP(亿)"]])
    #expect(sets("\\x{4E07}元") == [["万元"]])
    #expect(sets("\\N{U+4E07}元") == [["元"]])  // \N{U+…} names a character it does not read
    #expect(sets("\\Q1+1\\E等于") == [["1+1等于"]])
    // A quantifier after \Q…\E repeats only its last character: 签约 may match as 签.
    #expect(sets("\\Q签约\\E?仪式") == [["签仪式", "签约仪式"]])
  }

  @Test func repeatsWithAMinimumKeepTheirSets() {
    #expect(sets("(?:项目){2}") == [["项目项目"]])
    #expect(sets("(?:签约|开工)+") == [["开工", "签约"]])
  }

  @Test func whateverItCannotReadMakesItGiveUp() {
    for pattern in ["(?i)gdp", "(?x) 投 资", "(?(1)a|b)", "(?R)", "(*UTF)投资", "投资\\c", "投资{,3}",
      "(?P>name)", "(?&name)"]
    {
      #expect(sets(pattern) == [], "\(pattern)")
    }
  }

  @Test func supersetsAreDropped() {
    #expect(LiteralAnalysis.minimal([Array("投资".unicodeScalars), Array("总投资".unicodeScalars)])
      == [Array("投资".unicodeScalars)])
  }

  /// On the real rules: the literals chosen for some well-known rules, and every rule checked
  /// against its own examples (a rule whose pattern matches a text must be let through).
  @Test func realRules() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let investment = try #require(book.rule(id: "amount.investment"))
    #expect(investment.requiredLiterals.first?.contains("投资") == true)
    #expect(investment.requiredLiterals.first?.contains("总投资") == false)  // 投资 covers it
    let officials = try #require(book.rule(id: "official.title-then-names"))
    #expect(officials.requiredLiterals.first?.contains("书记") == true)
    #expect(book.rules.allSatisfy { !$0.requiredLiterals.isEmpty }, "every shipped rule has literals")
    let prefilter = Prefilter(book.rules)
    for (r, rule) in book.rules.enumerated() {
      for example in rule.examples {
        guard try !rule.regex.matches(in: example.text).isEmpty else { continue }
        #expect(prefilter.candidates(in: example.text).contains(r), "\(rule.id): \(example.text)")
      }
    }
  }
}
