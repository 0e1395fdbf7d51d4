import ArgumentParser
import BaoxunKit
import Foundation

@main
struct Baoxun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baoxun",
    abstract: "Turn Chinese local newspaper issues into CSV records with provenance.",
    subcommands: [
      RunCommand.self, SegmentCommand.self, ExplainCommand.self, NumberCommand.self, RulesCommand.self,
      EvalCommand.self,
    ])

  /// Exit codes are part of the contract: 0 all processed, 1 some files failed, 2 bad usage or rules.
  static func main() {
    do {
      // Each argument that is not UTF-8 reaches the parser marked with its bytes (RawArguments).
      var command = try parseAsRoot(Array(RawArguments.forParser(RawArguments.current).dropFirst()))
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Self.exit()
      }
      if let e = error as? ExitCode { Self.exit(withError: e) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Self.exit(withError: code == .validationFailure || code == .failure ? ExitCode(2) : code)
    }
  }
}

enum Terminal {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
  static var stderrIsTTY: Bool { isatty(2) == 1 }
  static var stdoutIsTTY: Bool { isatty(1) == 1 }
}
