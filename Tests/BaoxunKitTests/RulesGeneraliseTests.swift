import Foundation
import Testing

@testable import BaoxunKit

/// Rules must generalise: no pattern, macro or word list may name a person, project, event or
/// place from the gold files. (Examples are test data and may quote real sentences.)
@Suite struct RulesGeneraliseTests {
  static let book = try! RuleBook.load(from: RepoPaths.rules)

  static var goldNames: [String] {
    let golds = try! GoldFile.loadFolder(RepoPaths.corpus.appendingPathComponent("gold"))
    var names = Set<String>()
    for g in golds.values {
      for (kind, field) in [("officials", "name"), ("projects", "name"), ("events", "name"), ("events", "place")] {
        for item in (g.required[kind] ?? []) + (g.optional[kind] ?? []) {
          if let n = item[field]?.string, n.unicodeScalars.count >= 2 { names.insert(n) }
        }
      }
    }
    return names.sorted()
  }

  /// Everything a rule is made of, except its examples.
  static var ruleText: String {
    var parts = book.rules.map { $0.source + " " + $0.regex.pattern + " " + $0.set.values.joined(separator: " ") }
    parts += book.macros.values
    parts += book.lexicons.values.flatMap(\.entries)
    return parts.joined(separator: "\n")
  }

  @Test func goldFilesHaveNames() {
    #expect(Self.goldNames.count > 300)
  }

  /// Common elements of Tibetan and Mongolian names (土登, 其木格) are each also a whole name: a
  /// person named by one element alone in a gold file does not make the word list name that person.
  static var nameElements: Set<String> {
    Set((book.lexicons["tibetan_name_parts"]?.entries ?? []) + (book.lexicons["mongolian_name_parts"]?.entries ?? []))
  }

  @Test func noRuleNamesAGoldPersonProjectOrEvent() {
    let text = Self.ruleText
    for name in Self.goldNames where !Self.nameElements.contains(name) {
      #expect(!text.contains(name), "a rule, macro or word list contains the gold name '\(name)'")
    }
  }
}
