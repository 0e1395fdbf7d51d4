import Foundation
import Testing

@testable import BaoxunKit

/// The pattern cache only saves time: every shipped rule gets the same literal sets and the same
/// rewritten pattern with one cache shared by all rules as with none, and a macro expands to the
/// same text and origins whether or not its expansion was kept.
@Suite struct PatternCacheTests {
  @Test func aSharedCacheChangesNoResult() throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let expander = MacroExpander(macros: book.macros, lexicons: book.lexicons)
    let cache = PatternCache()
    for rule in book.rules {
      let pattern = try expander.expand(rule.source).pattern
      let fresh = LiteralAnalysis.requirementsAndForward(pattern)
      let cached = LiteralAnalysis.requirementsAndForward(pattern, cache: cache)
      #expect(cached.all == fresh.all, "\(rule.id)")
      #expect(cached.forward == fresh.forward, "\(rule.id)")
      #expect(PatternOptimizer.optimize(pattern, cache: cache) == PatternOptimizer.optimize(pattern), "\(rule.id)")
    }
  }

  @Test func aGroupSeenBeforeIsReadTheSameWay() {
    let cache = PatternCache()
    let first = LiteralAnalysis.requirementsAndForward("(?:张|李)(?:书记|县长)", cache: cache)
    let again = LiteralAnalysis.requirementsAndForward("(?:书记|县长)(?<=(?:张|李)书记)", cache: cache)
    #expect(first.all == LiteralAnalysis.requirementsAndForward("(?:张|李)(?:书记|县长)").all)
    #expect(again.all == LiteralAnalysis.requirementsAndForward("(?:书记|县长)(?<=(?:张|李)书记)").all)
    #expect(again.forward == LiteralAnalysis.requirementsAndForward("(?:书记|县长)(?<=(?:张|李)书记)").forward)
  }

  @Test func keptMacroExpansionsKeepTheirOrigins() throws {
    let macros = ["A": "x{B}y", "B": "(?:p|q)", "C": "{D}", "D": "{C}"]
    let expander = MacroExpander(macros: macros, lexicons: [:])
    let e = try expander.expand("a{A}b")
    #expect(e.pattern == "a(?:x(?:(?:p|q))y)b")
    #expect(e.origin == [0] + Array(repeating: 1, count: 17) + [4, 5])
    #expect(throws: MacroExpander.Failure.cycle("C", at: 1)) { try expander.expand("a{C}") }
  }
}
