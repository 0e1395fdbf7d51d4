import Foundation

/// A word list from `Rules/lexicons/NAME.txt`: one entry per line, `#` starts a comment.
public struct Lexicon: Sendable {
  public var name: String
  public var entries: [String]
  public var file: String

  public init(name: String, entries: [String], file: String) {
    self.name = name
    self.entries = entries
    self.file = file
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

  /// An escaped alternation, longest entry first so PCRE2 prefers `常务副县长` over `副县长`.
  public var alternation: String {
    let sorted = entries.sorted { $0.unicodeScalars.count != $1.unicodeScalars.count
      ? $0.unicodeScalars.count > $1.unicodeScalars.count : $0 < $1 }
    return "(?:" + sorted.map(Self.escape).joined(separator: "|") + ")"
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
