import ArgumentParser
import BaoxunKit
import Foundation

struct RulesOption: ParsableArguments {
  @Option(name: .long, help: "Folder of rule files (*.yaml) and lexicons/.")
  var rules: String = "Rules"

  func validate() throws { try requireText(rules, "--rules") }

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

/// One issue file named on the command line, read by its own bytes (a GBK name works), and
/// decoded; the name comes back as it is shown in rows.
func readIssueText(_ path: String) throws -> (text: String, encoding: String, shown: String) {
  let file = IssueFile.named(RawArguments.bytes(path))
  let bytes: [UInt8]
  do {
    bytes = try IssueReader.read(file)
  } catch {
    let why =
      error == .vanished ? "no such file"
      : error == .notAFile ? "not a regular file (a folder?): give one issue file" : error.description
    Terminal.error("\(file.display): error: \(why)")
    throw ExitCode(1)
  }
  do {
    let d = try BaoxunKit.Decoder.decode(bytes)
    return (d.text, d.encoding.rawValue, file.display)
  } catch {
    Terminal.error("\(file.display): error: \(error.description)")
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
    return try IssueFile.find(bytes: paths.map(RawArguments.bytes))
  } catch {
    Terminal.error("error: \(error.message)")
    throw ExitCode(2)
  }
}

/// Issue paths are read by their bytes, but output, rules and gold folders are opened by name:
/// one that is not UTF-8 is refused rather than replaced by a look-alike (`RawArguments`).
func requireText(_ value: String, _ option: String) throws {
  guard RawArguments.isBytes(value) else { return }
  throw ValidationError(
    "\(option) names a folder whose name is not UTF-8: rename it, or give a link to it with a UTF-8 name.")
}
