import ArgumentParser
import BaoxunKit
import Foundation

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "Check rule files and see how rules behave.",
    subcommands: [RulesCheckCommand.self])
}

struct RulesCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Compile every rule and run every example; failures as file:line:col.")

  @OptionGroup var rules: RulesOption

  func run() throws {
    let book = try rules.load()
    var failures = 0
    for w in book.warnings {
      Terminal.error(Diagnostic(.error, code: w.code, at: w.location, w.message).description)
      failures += 1
    }
    let outcomes = RuleExamples.checkAll(Pipeline(book: book))
    for o in outcomes where !o.message.isEmpty {
      let severity: Diagnostic.Severity = o.passed ? .note : .error
      Terminal.error(Diagnostic(severity, code: "rule.example", at: o.example.location, o.message).description)
      if !o.passed { failures += 1 }
    }
    let todos = outcomes.filter { $0.example.kind == .todo }.count
    print("\(book.rules.count) rules, \(outcomes.count - todos) examples checked, \(todos) todo, \(failures) problems")
    if failures > 0 { throw ExitCode(2) }
  }
}
