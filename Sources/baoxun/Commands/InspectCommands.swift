import ArgumentParser
import BaoxunKit
import Foundation

struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment", abstract: "Show the articles, headlines, bylines and sentences the segmenter sees.")

  @Argument(help: "An issue file.") var file: String

  func run() throws {
    let (text, _) = try readIssueText(file)
    let articles = Segmenter().segment(Normalizer().normalize(text))
    print(SegmentDump.render(articles), terminator: "")
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show each sentence with the spans that matched, their fields and rule ids, and lost overlaps.")

  @Argument(help: "An issue file.") var file: String
  @OptionGroup var rules: RulesOption
  @Flag(name: .long, help: "Show sentences without matches too.") var all = false
  @Option(name: .long, help: "Issue date YYYY-MM-DD.") var date: String?

  func run() throws {
    let book = try rules.load()
    let (text, encoding) = try readIssueText(file)
    let pipeline = Pipeline(book: book)
    let date = try parseDate(date) ?? DateResolver.issueDate(fromPath: file)
    let analysis = pipeline.analyze(text: text, issue: file, encoding: encoding, date: date)
    let style: ExplainDump.Style = Terminal.stdoutIsTTY ? .terminal : .plain
    print(ExplainDump.render(analysis, style: style, all: all), terminator: "")
  }
}
