/// Runs a rule's examples through the whole pipeline, as SwiftLint runs its rules' triggering
/// examples: an example passes when the rule produces a record with every expected field.
public struct ExampleOutcome: Sendable {
  public var example: RuleExample
  /// False only for an example that misses or a counterexample that fires; a `todo` never fails.
  public var passed: Bool
  /// What went wrong, or for a `todo` that now passes, that it does.
  public var message: String
  /// For a `todo`: whether the rule now produces what it expects (time to move it to `examples`).
  public var todoNowPasses: Bool = false
}

extension RecordType {
  /// The CSV table this record type's rules fill, whose columns `expect:` may name.
  public var table: Table {
    switch self {
    case .official: return .officials
    case .event: return .events
    case .project: return .projects
    case .amount: return .amounts
    case .job: return .jobs
    }
  }
}

/// What `rules check` found: every problem as a diagnostic at its YAML line, and the counts for
/// the summary line.
public struct RuleCheckReport: Sendable {
  /// Errors (a rule with no example, a failing example or counterexample), warnings (a `todo`
  /// that now passes) and notes (a `todo` still missing), in rule-file order.
  public var diagnostics: [Diagnostic]
  public var rules: Int
  public var examples: Int
  public var todos: Int

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }

  /// `46 rules, 137 examples checked, 1 todo, 0 problems`: the line a script or a person reads
  /// last.
  public var summary: String {
    let passing = diagnostics.filter { $0.code == "rule.todo.passes" }.count
    let todo = "\(todos) todo" + (passing > 0 ? " (\(passing) now passing)" : "")
    return "\(rules) rules, \(examples) examples checked, \(todo), \(errors) problems"
  }
}

public enum RuleExamples {
  /// The rows a rule produced from a text, as column → value dictionaries.
  public static func records(of rule: Rule, in text: String, pipeline: Pipeline, matcher: Matcher)
    -> [[String: String]]
  {
    let analysis = pipeline.analyze(text: text, issue: "example", matcher: matcher)
    let table = rule.record.table
    let rows = RowBuilder.rows(analysis.records)[table] ?? []
    return rows.map(table.keyed)
      .filter { $0["rule"] == rule.id }
  }

  public static func check(_ example: RuleExample, pipeline: Pipeline, matcher: Matcher)
    -> ExampleOutcome
  {
    guard let rule = pipeline.book.rule(id: example.ruleID) else {
      return ExampleOutcome(example: example, passed: false, message: "no rule '\(example.ruleID)'")
    }
    let rows = records(of: rule, in: example.text, pipeline: pipeline, matcher: matcher)
    let hit = rows.contains { row in example.expect.allSatisfy { row[$0.key] == $0.value } }
    let shown = rows.map { row in
      example.expect.keys.sorted().map { "\($0)=\(row[$0] ?? "∅")" }.joined(separator: " ")
    }
    let got = rows.isEmpty ? "no record from this rule" : "got " + shown.joined(separator: "; ")
    let want = example.expect.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
      separator: " ")
    switch example.kind {
    case .example:
      return ExampleOutcome(
        example: example, passed: hit,
        message: hit
          ? ""
          : "rule '\(rule.id)': example does not produce \(want.isEmpty ? "a record" : want): \(got)"
      )
    case .counterexample:
      // What fired: the matched text for amounts and jobs, the name for the others.
      let fired = rows.first.map { $0["text"] ?? $0["name"] ?? $0["sentence"] ?? "" } ?? ""
      return ExampleOutcome(
        example: example, passed: rows.isEmpty,
        message: rows.isEmpty ? "" : "rule '\(rule.id)': counterexample fires: \(fired)")
    case .todo:
      return ExampleOutcome(
        example: example, passed: true,
        message: hit
          ? "rule '\(rule.id)': todo example now passes: move it to 'examples'"
          : "rule '\(rule.id)': todo (known miss): \(want.isEmpty ? "a record" : want) from '\(example.text)': \(got)",
        todoNowPasses: hit)
    }
  }

  public static func checkAll(_ pipeline: Pipeline) -> [ExampleOutcome] {
    let matcher = pipeline.makeMatcher()
    return pipeline.book.rules.flatMap { rule in
      rule.examples.map { check($0, pipeline: pipeline, matcher: matcher) }
    }
  }

  /// Everything `rules check` reports once the rules have loaded: a rule without an example is
  /// an error (a rule nobody can test is a rule nobody dares change), then each example's result.
  /// A `todo` never fails the check: it is a note while it misses, a warning once it passes.
  public static func report(_ pipeline: Pipeline) -> RuleCheckReport {
    var diagnostics = pipeline.book.warnings.map {
      Diagnostic(.error, code: $0.code, at: $0.location, $0.message)
    }
    let outcomes = checkAll(pipeline)
    for o in outcomes where !o.message.isEmpty {
      switch o.example.kind {
      case .todo:
        diagnostics.append(
          o.todoNowPasses
            ? Diagnostic(.warning, code: "rule.todo.passes", at: o.example.location, o.message)
            : Diagnostic(.note, code: "rule.todo", at: o.example.location, o.message))
      case .example, .counterexample:
        diagnostics.append(
          Diagnostic(
            .error, code: "rule.\(o.example.kind.rawValue).fails", at: o.example.location, o.message
          ))
      }
    }
    let todos = outcomes.filter { $0.example.kind == .todo }.count
    let place = { (d: Diagnostic) in
      (d.location?.file ?? "", d.location?.line ?? 0, d.location?.column ?? 0)
    }
    diagnostics = diagnostics.enumerated().sorted { a, b in
      place(a.element) != place(b.element)
        ? place(a.element) < place(b.element) : a.offset < b.offset
    }.map(\.element)
    return RuleCheckReport(
      diagnostics: diagnostics, rules: pipeline.book.rules.count,
      examples: outcomes.count - todos, todos: todos)
  }
}
