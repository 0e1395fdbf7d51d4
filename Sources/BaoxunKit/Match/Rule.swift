/// The record types rules feed, with the fields a rule's named groups and `set:` may fill.
public enum RecordType: String, Sendable, CaseIterable, Comparable {
  case official, event, project, amount, job

  public var fields: Set<String> {
    switch self {
    case .official: return ["name", "names", "title", "titles", "role", "confirm"]
    case .event: return ["name", "names", "kind", "date_text", "place", "suffix", "prefix", "person", "confirm"]
    case .project: return ["name", "names", "count", "investment", "qualifier", "status", "suffix"]
    case .amount: return ["amount", "qualifier", "kind", "subject", "unit"]
    case .job: return ["amount", "qualifier", "subject"]
    }
  }

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A text a rule must (or must not) fire on, kept with its place in the rule file.
public struct RuleExample: Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable { case example, counterexample, todo }
  public var ruleID: String
  public var kind: Kind
  public var text: String
  /// Record fields the rule must produce from `text` (empty for counterexamples).
  public var expect: [String: String]
  public var location: SourceLocation

  public var description: String { "\(location.file):\(location.line) \(ruleID) \(kind.rawValue)" }
}

/// One extraction rule: a PCRE2 pattern whose named groups become fields of one record type.
public struct Rule: Sendable {
  public var id: String
  public var record: RecordType
  public var priority: Int
  /// The pattern as written in the rule file, before macros and word lists are expanded.
  public var source: String
  public var regex: CompiledRegex
  /// Named groups that are record fields, with their group numbers in `regex`.
  public var fieldGroups: [(name: String, number: Int)]
  /// Constant fields the rule sets on every record it produces.
  public var set: [String: String]
  public var examples: [RuleExample]
  public var location: SourceLocation
  /// Sets of literals a sentence must all hit (one literal of each) for the rule to match there,
  /// most selective first; empty when the rule cannot be filtered and always runs.
  public var requiredLiterals: [[String]]
  /// Sets of literals of which every match holds one at or after the place it starts (the
  /// required sets, less what lookbehinds require): no match starts after the last of them, so
  /// PCRE2 need not search the rest of the sentence.
  public var limitLiterals: [[String]] = []
}
