import Testing

@testable import BaoxunKit

/// Every example and counterexample in Rules/*.yaml is a test case, named after its YAML line.
@Suite struct RuleExampleTests {
  static let book = try! RuleBook.load(from: RepoPaths.rules, displayRoot: "Rules")
  static let pipeline = Pipeline(book: book)

  @Test(arguments: book.rules.flatMap(\.examples))
  func ruleExample(_ example: RuleExample) {
    let outcome = RuleExamples.check(example, pipeline: Self.pipeline, matcher: Self.pipeline.makeMatcher())
    let at = SourceLocation(file: example.location.file, line: example.location.line, column: example.location.column)
    #expect(outcome.passed, "\(at): \(outcome.message)")
  }

  @Test func everyShippedRuleHasAnExample() {
    #expect(Self.book.warnings.isEmpty, "\(Self.book.warnings.map(\.description))")
    for rule in Self.book.rules {
      #expect(rule.examples.contains { $0.kind == .example }, "\(rule.id) has no example")
    }
  }
}

extension RuleExample: CustomTestStringConvertible {
  public var testDescription: String { description }
}
