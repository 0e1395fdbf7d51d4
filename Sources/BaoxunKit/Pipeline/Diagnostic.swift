/// A place in a file a user can jump to: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// Everything baoxun tells a user about a problem: what, where, and a stable code for scripts.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning, note }

  public var severity: Severity
  /// Stable identifier such as `rule.pattern.invalid` or `input.decode`.
  public var code: String
  public var location: SourceLocation?
  public var message: String

  public init(_ severity: Severity = .error, code: String, at location: SourceLocation?, _ message: String) {
    self.severity = severity
    self.code = code
    self.location = location
    self.message = message
  }

  /// `path:line:col: error: message`, the form compilers and editors understand.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message)"
  }
}

/// Several diagnostics at once, so a rule author sees every broken rule in one run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
