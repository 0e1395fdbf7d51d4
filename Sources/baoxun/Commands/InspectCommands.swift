import ArgumentParser
import BaoxunKit
import Foundation

struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Show the articles, headlines, bylines and sentences the segmenter sees.")

  @Argument(help: "An issue file.") var file: String

  func run() throws {
    let (text, _, _) = try readIssueText(file)
    let articles = Segmenter().segment(Normalizer().normalize(text))
    print(SegmentDump.render(articles), terminator: "")
  }
}

/// When `explain` colours its output.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto, always, never
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract:
      "Show each sentence with the spans that matched, their fields and rule ids, and lost overlaps.",
    discussion: """
      Each sentence is printed with its article number and the matched spans marked (⟦…⟧ when \
      piped, highlighted on a terminal); below it, one line per match: record type, rule id, \
      the matched text and its fields, then '→' and the output row it became. Matches that lost \
      an overlap say which rule beat them and why (priority, then length, then position).
      """)

  @Argument(help: "An issue file.") var file: String
  @OptionGroup var rules: RulesOption
  @Flag(name: .long, help: "Show sentences without matches too.") var all = false
  @Option(
    name: .long,
    help:
      "Only this rule: an id, or a family such as 'amount.' (matches won, lost or beaten by it).")
  var rule: String?
  @Option(name: .long, help: "Colour the output.") var color: ColorChoice = .auto
  @Option(name: .long, help: "Issue date YYYY-MM-DD.") var date: String?

  func run() throws {
    let book = try rules.load()
    let filter = rule.map(ExplainDump.RuleFilter.init)
    if let filter, !book.rules.contains(where: { filter.matches($0.id) }) {
      let near = book.rules.map(\.id).filter {
        $0.hasPrefix(String(filter.text.prefix(while: { $0 != "." })))
      }
      let hint = near.isEmpty ? "" : " (rules of that kind: \(near.joined(separator: ", ")))"
      Terminal.error("error: no rule '\(filter.text)' in \(rules.rules)\(hint)")
      throw ExitCode(2)
    }
    let (text, encoding, shown) = try readIssueText(file)
    let pipeline = Pipeline(book: book)
    let date = try parseDate(date) ?? DateResolver.issueDate(fromPath: shown)
    let analysis = pipeline.analyze(text: text, issue: shown, encoding: encoding, date: date)
    let colour: Bool
    switch color {
    case .always: colour = true
    case .never: colour = false
    case .auto:
      colour = Terminal.stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
    print(
      ExplainDump.render(analysis, style: colour ? .terminal : .plain, all: all, rule: filter),
      terminator: "")
  }
}
