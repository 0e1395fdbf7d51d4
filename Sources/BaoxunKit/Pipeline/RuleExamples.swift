/// Runs a rule's examples through the whole pipeline, as SwiftLint runs its rules' triggering
/// examples: an example passes when the rule produces a record with every expected field.
public struct ExampleOutcome: Sendable {
  public var example: RuleExample
  public var passed: Bool
  /// What went wrong, or for a `todo` that now passes, that it does.
  public var message: String
}

public enum RuleExamples {
  static let tables: [RecordType: Table] = [
    .official: .officials, .event: .events, .project: .projects, .amount: .amounts, .job: .jobs,
  ]

  /// The rows a rule produced from a text, as column → value dictionaries.
  public static func records(of rule: Rule, in text: String, pipeline: Pipeline, matcher: Matcher) -> [[String: String]] {
    let analysis = pipeline.analyze(text: text, issue: "example", matcher: matcher)
    let table = tables[rule.record]!
    let rows = RowBuilder.rows(analysis.records)[table] ?? []
    return rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
      .filter { $0["rule"] == rule.id }
  }

  public static func check(_ example: RuleExample, pipeline: Pipeline, matcher: Matcher) -> ExampleOutcome {
    guard let rule = pipeline.book.rule(id: example.ruleID) else {
      return ExampleOutcome(example: example, passed: false, message: "no rule '\(example.ruleID)'")
    }
    let rows = records(of: rule, in: example.text, pipeline: pipeline, matcher: matcher)
    let hit = rows.contains { row in example.expect.allSatisfy { row[$0.key] == $0.value } }
    let shown = rows.map { row in
      example.expect.keys.sorted().map { "\($0)=\(row[$0] ?? "∅")" }.joined(separator: " ")
    }
    let got = rows.isEmpty ? "no record from this rule" : "got " + shown.joined(separator: "; ")
    switch example.kind {
    case .example:
      let want = example.expect.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      return ExampleOutcome(example: example, passed: hit,
        message: hit ? "" : "rule '\(rule.id)': example does not produce \(want.isEmpty ? "a record" : want): \(got)")
    case .counterexample:
      return ExampleOutcome(example: example, passed: rows.isEmpty,
        message: rows.isEmpty ? "" : "rule '\(rule.id)': counterexample fires: \(rows.map { $0["sentence"] ?? "" }.first ?? "")")
    case .todo:
      return ExampleOutcome(example: example, passed: true,
        message: hit ? "rule '\(rule.id)': todo example now passes: move it to 'examples'" : "")
    }
  }

  public static func checkAll(_ pipeline: Pipeline) -> [ExampleOutcome] {
    let matcher = pipeline.makeMatcher()
    return pipeline.book.rules.flatMap { rule in
      rule.examples.map { check($0, pipeline: pipeline, matcher: matcher) }
    }
  }
}
