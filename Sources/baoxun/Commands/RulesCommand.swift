import ArgumentParser
import BaoxunKit
import Foundation

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "Check rule files and see how rules behave on issues.",
    subcommands: [RulesCheckCommand.self, RulesCoverageCommand.self, RulesDiffCommand.self])
}

/// How `rules coverage` and `rules diff` print their lists.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case table, csv
}

struct RulesCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Compile every rule and run every example; problems as file:line:col.",
    discussion: """
      Exits 0 when every rule compiles and every example and counterexample passes, 2 otherwise. \
      A rule without an example is an error. 'todo' examples (known misses) are listed as notes \
      and never fail the check; one that starts to pass is a warning: move it to 'examples'.
      """)

  @OptionGroup var rules: RulesOption

  func run() throws {
    let book = try rules.load()
    let report = RuleExamples.report(Pipeline(book: book))
    for d in report.diagnostics { Terminal.error(d.description) }
    print(report.summary)
    if report.errors > 0 { throw ExitCode(2) }
  }
}

struct RulesCoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract:
      "How often each rule fires, which never do, and the sentences with a quantity or title but no match.",
    discussion: """
      A sentence is listed when no rule kept a match in it but it holds a number with a unit \
      (元, 人, 个, 亩, 平方米…; not dates, durations or percentages) or a title word from \
      lexicons/posts.txt: the rule author's to-do list. With --format csv, one CSV with a 'kind' \
      column: 'rule' rows (fires, lost, records, location) and 'uncovered' rows (issue, \
      article, start, end, cues, sentence).
      """)

  @Argument(help: "Issue files or folders (searched recursively for *.txt).") var paths: [String]
  @OptionGroup var rules: RulesOption
  @Option(name: .long, help: "Output format.") var format: ReportFormat = .table
  @Option(name: .long, help: "Files processed in parallel (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() throws {
    let book = try rules.load()
    let files = try findIssues(paths)
    let report = CoverageReport.build(files, pipeline: Pipeline(book: book), jobs: jobs)
    for e in report.errors { Terminal.error("\(e.issue): error: \(e.stage): \(e.message)") }
    switch format {
    case .table: print(report.table(), terminator: "")
    case .csv: FileHandle.standardOutput.write(Data(report.csv()))
    }
  }
}

struct RulesDiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract:
      "Run an old and a new rule set over the same issues; list the records gained and lost.",
    discussion: """
      Review a rule change by its effect before committing it: copy the rules folder (or check \
      out the old one), edit, then run 'baoxun rules diff --against OLD_RULES PATH...'. Records \
      are compared by table, issue, their own columns and provenance (article, offsets, rule); \
      '-' marks a record only the old rules produce, '+' one only the new rules produce. With \
      --format csv: change, table, issue, article, start, end, rule, fields, sentence.
      """)

  @Option(name: .long, help: "The old rules folder to compare with.") var against: String
  @Argument(help: "Issue files or folders (searched recursively for *.txt).") var paths: [String]
  @OptionGroup var rules: RulesOption
  @Option(name: .long, help: "Output format.") var format: ReportFormat = .table
  @Option(
    name: .long, help: "Issue date YYYY-MM-DD for relative dates (default: from each file's path).")
  var date: String?
  @Option(name: .long, help: "Files processed in parallel (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    try requireText(against, "--against")
  }

  func run() throws {
    let issueDate = try parseDate(date)
    let old = try loadRules(against)
    let new = try rules.load()
    let files = try findIssues(paths)
    let diff = RuleDiff.build(
      files, old: Pipeline(book: old), new: Pipeline(book: new), jobs: jobs, date: issueDate)
    for e in diff.errors { Terminal.error("\(e.issue): error: \(e.stage): \(e.message)") }
    switch format {
    case .table: print(diff.table(), terminator: "")
    case .csv: FileHandle.standardOutput.write(Data(diff.csv()))
    }
  }
}

/// Loads a rules folder other than `--rules` (the old side of a diff), reporting problems the
/// way `--rules` does: every one as path:line:col, then exit 2.
func loadRules(_ folder: String) throws -> RuleBook {
  do {
    return try RuleBook.load(from: URL(fileURLWithPath: folder), displayRoot: folder)
  } catch {
    for d in error.diagnostics { Terminal.error(d.description) }
    throw ExitCode(2)
  }
}
