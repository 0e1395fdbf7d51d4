import Foundation

/// Every rule and word list of a rules folder, compiled and checked, ready for the matcher.
public struct RuleBook: Sendable {
  public var rules: [Rule]
  public var lexicons: [String: Lexicon]
  public var macros: [String: String]
  /// Problems that do not stop a run but that `rules check` refuses (a rule with no example).
  public var warnings: [Diagnostic]
  /// The largest capture count of any rule, so one match-data block serves them all.
  public var maxCaptureCount: Int { rules.map(\.regex.captureCount).max() ?? 0 }

  public init(rules: [Rule], lexicons: [String: Lexicon], macros: [String: String], warnings: [Diagnostic] = []) {
    self.rules = rules
    self.lexicons = lexicons
    self.macros = macros
    self.warnings = warnings
  }

  public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

  /// Words of a lexicon, or none: downstream stages read word lists (posts, surnames) from here.
  public func words(_ lexicon: String) -> [String] { lexicons[lexicon]?.entries ?? [] }

  /// Loads `directory` (normally `Rules/`); throws every problem found, each with file:line:col.
  public static func load(from directory: URL, displayRoot: String? = nil) throws(DiagnosticList) -> RuleBook {
    var loader = RuleLoader(directory: directory, displayRoot: displayRoot)
    return try loader.load()
  }
}
