import ArgumentParser
import BaoxunKit
import Foundation

struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Run the pipeline and score it against gold files: precision, recall and F1 per record type.")

  @Option(name: .long, help: "Folder of gold files (<issue-stem>.json).") var gold: String
  @Argument(help: "Issue files or folders.") var paths: [String]
  @OptionGroup var rules: RulesOption
  @Option(name: .long, help: "Misses and false alarms listed per record type.") var show: Int = 40
  @Flag(name: .long, help: "Scores only, no misses or false alarms.") var quiet = false
  @Flag(name: .long, help: "Scores as JSON.") var json = false

  func validate() throws { try requireText(gold, "--gold") }

  func run() throws {
    let book = try rules.load()
    let golds: [String: GoldFile]
    do {
      golds = try GoldFile.loadFolder(URL(fileURLWithPath: gold))
    } catch {
      Terminal.error("error: cannot read gold files in '\(gold)': \(error)")
      throw ExitCode(2)
    }
    let files = try findIssues(paths)
    let rows = Evaluation.rows(for: files, pipeline: Pipeline(book: book))
    // Only the issues given are scored, so one file can be evaluated against a gold folder.
    let given = Set(files.map { Scorer.issueKey($0.display) })
    let scored = golds.filter { given.contains($0.key) }
    if scored.isEmpty {
      Terminal.error("error: none of the issues given has a gold file in '\(gold)' (gold files are named <issue-stem>.json)")
      throw ExitCode(2)
    }
    var scorer = Scorer()
    scorer.score(rows, gold: scored)
    if json {
      print(Evaluation.json(scorer))
    } else {
      print(scorer.report(details: !quiet, limit: show), terminator: "")
    }
  }
}
