import Foundation

/// A word list from `Rules/lexicons/NAME.txt`: one entry per line, `#` starts a comment.
public struct Lexicon: Sendable {
  public var name: String
  public let entries: [String]
  public var file: String
  /// An escaped alternation, longest entry first so PCRE2 prefers `常务副县长` over `副县长`.
  /// Built once: every `{@NAME}` in every rule expands to it, and sorting the 430 surnames
  /// again for each one was a tenth of loading the rules.
  public let alternation: String

  public init(name: String, entries: [String], file: String) {
    self.name = name
    self.entries = entries
    self.file = file
    let sorted = entries.map { (length: $0.unicodeScalars.count, entry: $0) }
      .sorted { $0.length != $1.length ? $0.length > $1.length : $0.entry < $1.entry }
    alternation = "(?:" + sorted.map { Self.escape($0.entry) }.joined(separator: "|") + ")"
  }

  public static func parse(name: String, text: String, file: String) -> Lexicon {
    var seen = Set<String>()
    var entries: [String] = []
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let entry = line.trimmingCharacters(in: .whitespaces)
      if !entry.isEmpty, seen.insert(entry).inserted { entries.append(entry) }
    }
    return Lexicon(name: name, entries: entries, file: file)
  }

  static let special: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#"]

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      if special.contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
