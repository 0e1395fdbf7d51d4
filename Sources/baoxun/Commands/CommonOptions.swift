import ArgumentParser
import BaoxunKit
import Foundation

struct RulesOption: ParsableArguments {
  @Option(name: .long, help: "Folder of rule files (*.yaml) and lexicons/.")
  var rules: String = "Rules"

  /// Loads and checks the rules, printing every problem as path:line:col; bad rules exit 2.
  func load() throws -> RuleBook {
    do {
      return try RuleBook.load(from: URL(fileURLWithPath: rules), displayRoot: rules)
    } catch {
      for d in error.diagnostics { Terminal.error(d.description) }
      throw ExitCode(2)
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}

func readIssueText(_ path: String) throws -> (String, String) {
  guard let data = FileManager.default.contents(atPath: path) else {
    Terminal.error("\(path): error: cannot read file")
    throw ExitCode(1)
  }
  do {
    let d = try BaoxunKit.Decoder.decode([UInt8](data))
    return (d.text, d.encoding.rawValue)
  } catch {
    Terminal.error("\(path): error: \(error.description)")
    throw ExitCode(1)
  }
}

func parseDate(_ text: String?) throws -> DateComponents? {
  guard let text else { return nil }
  guard let d = DateResolver.issueDate(fromPath: text) else {
    throw ValidationError("--date must be a calendar day written YYYY-MM-DD, e.g. 2026-02-25.")
  }
  return d
}

/// The issue files under the given paths; a missing path is bad usage (exit 2).
func findIssues(_ paths: [String]) throws -> [IssueFile] {
  do {
    return try IssueFile.find(paths)
  } catch {
    Terminal.error("error: \(error.message)")
    throw ExitCode(2)
  }
}
