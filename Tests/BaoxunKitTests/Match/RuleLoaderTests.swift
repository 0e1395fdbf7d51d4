import Foundation
import Testing

@testable import BaoxunKit
import TestSupport

/// Each rule-file mistake is reported with the exact file:line:column and what is wrong.
@Suite struct RuleLoaderTests {
  /// Writes `files` into a fresh rules folder (with the shipped lexicons) and loads it.
  func load(_ files: [String: String]) -> Result<RuleBook, DiagnosticList> {
    let dir = TestFolders.path("rules")
    try! FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
    try! "书记\n区长\n".write(to: dir.appendingPathComponent("lexicons/posts.txt"), atomically: true, encoding: .utf8)
    for (name, text) in files {
      try! text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
      return .success(try RuleBook.load(from: dir, displayRoot: "R"))
    } catch {
      return .failure(error)
    }
  }

  func firstError(_ files: [String: String]) -> Diagnostic? {
    if case .failure(let list) = load(files) { return list.diagnostics.first }
    return nil
  }

  static let good = """
    rules:
      - id: amount.test
        record: amount
        pattern: '总投资(?<amount>\\d+亿元)'
        examples:
          - text: 总投资3亿元
            expect: {value: '300000000'}
    """

  @Test func goodFileLoads() throws {
    let book = try load(["a.yaml": Self.good]).get()
    #expect(book.rules.count == 1)
    #expect(book.rules[0].location == SourceLocation(file: "R/a.yaml", line: 2, column: 5))
    #expect(book.rules[0].examples[0].location.line == 6)
    #expect(book.rules[0].location.line == 2)
  }

  @Test func yamlSyntaxError() {
    let d = firstError(["a.yaml": "rules:\n  - id: x\n    pattern: \"\\d\"\n"])
    #expect(d?.code == "rule.yaml.syntax")
    #expect(d?.location?.file == "R/a.yaml")
    #expect(d?.location?.line == 3)
  }

  @Test func unknownKeyIsRefused() {
    let d = firstError(["a.yaml": Self.good.replacingOccurrences(of: "    pattern:", with: "    paterns: 'x'\n    pattern:")])
    #expect(d?.code == "rule.key.unknown")
    #expect(d?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 5))
    #expect(d?.message.contains("paterns") == true)
  }

  /// A pattern PCRE2 rejects as written is reported even when its optimized form would compile
  /// (spelling `\p{sc=Han}` as ranges turns this invalid range into a valid one).
  @Test func invalidPatternIsReportedWhateverTheOptimizerMakesOfIt() {
    let bad = Self.good.replacingOccurrences(of: "'总投资(?<amount>\\d+亿元)'", with: "'总投资(?<amount>[a-\\p{sc=Han}]+亿元)'")
    #expect(bad != Self.good)
    #expect(firstError(["a.yaml": bad])?.code == "rule.pattern.invalid")
  }

  @Test func pcreErrorPointsIntoThePattern() {
    let bad = Self.good.replacingOccurrences(of: "'总投资(?<amount>\\d+亿元)'", with: "'总投资(?<amount>\\d+亿元'")
    let d = firstError(["a.yaml": bad])
    #expect(d?.code == "rule.pattern.invalid")
    // pattern: starts at column 14 (the quote); the missing ')' is reported at the pattern's end.
    #expect(d?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 15 + 18))
    #expect(d?.message.contains("amount.test") == true)
  }

  @Test func unknownMacroAndLexicon() {
    let m = firstError(["a.yaml": Self.good.replacingOccurrences(of: "总投资(?<amount>", with: "{NOPE}(?<amount>")])
    #expect(m?.code == "rule.macro.unknown")
    #expect(m?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 15))
    let l = firstError(["a.yaml": Self.good.replacingOccurrences(of: "总投资(?<amount>", with: "总投资{@nolist}(?<amount>")])
    #expect(l?.code == "rule.lexicon.unknown")
    #expect(l?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 18))
  }

  @Test func duplicateRuleIdAcrossFiles() {
    let d = firstError(["a.yaml": Self.good, "b.yaml": Self.good])
    #expect(d?.code == "rule.id.duplicate")
    #expect(d?.location == SourceLocation(file: "R/b.yaml", line: 2, column: 5))
    #expect(d?.message.contains("R/a.yaml:2:5") == true)
  }

  @Test func groupThatIsNotAField() {
    let d = firstError(["a.yaml": Self.good.replacingOccurrences(of: "(?<amount>", with: "(?<money>")])
    #expect(d?.code == "rule.group.unknown")
    // At the group's '(' (the quote is column 14, 总投资 columns 15–17).
    #expect(d?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 18))
  }

  @Test func expectedColumnThatTheTableLacks() {
    let d = firstError(["a.yaml": Self.good.replacingOccurrences(of: "{value: '300000000'}", with: "{valu: '300000000'}")])
    #expect(d?.code == "rule.expect.unknown")
    #expect(d?.location == SourceLocation(file: "R/a.yaml", line: 7, column: 18))
    #expect(d?.message.contains("did you mean 'value'") == true)
  }

  @Test func doubledQuoteAndFoldedLinesKeepColumnsExact() {
    // '' is one character of the pattern but two of the file.
    let quoted = Self.good.replacingOccurrences(of: "'总投资(?<amount>", with: "'a''b{NOPE}(?<amount>")
    #expect(firstError(["a.yaml": quoted])?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 19))
    // A pattern folded onto a second line: the error is on that line.
    let folded = Self.good.replacingOccurrences(of: "亿元)'", with: "亿元)\n      {NOPE}'")
    #expect(firstError(["a.yaml": folded])?.location == SourceLocation(file: "R/a.yaml", line: 5, column: 7))
  }

  @Test func brokenMacroIsReportedOnceWhereItIsDefined() throws {
    let macros = "macros:\n  MONEY: '\\d+{NUMS}元'\n"
    let rule = Self.good.replacingOccurrences(of: "(?<amount>\\d+亿元)", with: "(?<amount>{MONEY})")
    guard case .failure(let list) = load(["m.yaml": macros, "a.yaml": rule]) else {
      Issue.record("a broken macro must not load")
      return
    }
    #expect(list.diagnostics.map(\.code) == ["rule.macro.unknown"])
    #expect(list.diagnostics.first?.location == SourceLocation(file: "R/m.yaml", line: 2, column: 14))
    #expect(list.diagnostics.first?.message.hasPrefix("macro 'MONEY': unknown macro '{NUMS}'") == true)
  }

  @Test func yamlErrorNamesTheRuleItIsIn() {
    let d = firstError(["a.yaml": Self.good.replacingOccurrences(of: "'总投资(?<amount>\\d+亿元)'", with: "\"总投资\\d\"")])
    #expect(d?.code == "rule.yaml.syntax")
    #expect(d?.location == SourceLocation(file: "R/a.yaml", line: 4, column: 18))
    #expect(d?.message.hasPrefix("rule 'amount.test': YAML syntax: found unknown escape character") == true)
    #expect(d?.message.contains("single quotes") == true)
  }

  @Test func duplicateKeyInOneRule() {
    let d = firstError(["a.yaml": Self.good.replacingOccurrences(of: "    record: amount", with: "    record: amount\n    record: job")])
    #expect(d?.code == "rule.yaml.syntax")
    #expect(d?.message.contains("record") == true)
  }

  @Test func ruleWithoutExampleIsAWarning() throws {
    let book = try load(["a.yaml": String(Self.good.split(separator: "\n").prefix(4).joined(separator: "\n"))]).get()
    #expect(book.warnings.map(\.code) == ["rule.example.missing"])
  }

  @Test func wordListsExpandLongestFirst() {
    let lex = Lexicon.parse(name: "posts", text: "# posts\n县长\n常务副县长 # longest\n\n县长\n", file: "x")
    #expect(lex.entries == ["县长", "常务副县长"])
    #expect(lex.alternation == "(?:常务副县长|县长)")
  }
}
