/// Rewrites long alternations of Chinese words in an expanded pattern as tries
/// (`投资|投入|投产` → `投(?:资|入|产)`). PCRE2 tries a flat alternation one branch at a time at
/// every place it looks, and rule macros such as "no verb here" lookaheads hold dozens of words
/// checked at every character; a trie rejects most places after one comparison per first
/// character. Matches are unchanged: at one place only branches with that place's first
/// character can match, and they keep their order, so PCRE2 still prefers the same branch.
enum AlternationFactoring {
  /// Alternations shorter than this are left alone: the saving would not be measurable.
  static let minimumBranches = 4

  /// `pattern` with every qualifying group factored; groups that are not plain lists of words,
  /// or hold anything PCRE2 could read differently once moved, are copied unchanged.
  static func factor(_ pattern: String) -> String {
    let chars = Array(pattern)
    var out = ""
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\" {
        out.append(c)
        if i + 1 < chars.count { out.append(chars[i + 1]) }
        i += 2
      } else if c == "[" {
        let end = classEnd(chars, from: i)
        out.append(contentsOf: String(chars[i..<end]))
        i = end
      } else if c == "(", let (kind, bodyStart) = groupKind(chars, at: i),
        let close = plainGroupEnd(chars, from: bodyStart),
        let words = branches(chars[bodyStart..<close], allowClasses: kind != ":"),
        words.count >= minimumBranches
      {
        out += "(?\(kind)" + trie(words).joined(separator: "|") + ")"
        i = close + 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return out
  }

  /// The kind of a group opening at `i` that may be factored (`:` non-capturing, `=` or `!`
  /// lookahead) and where its body starts. Lookbehinds are left alone: PCRE2 wants each of their
  /// branches to have a fixed length, which nesting could break.
  static func groupKind(_ chars: [Character], at i: Int) -> (Character, Int)? {
    guard i + 2 < chars.count, chars[i + 1] == "?", [":", "=", "!"].contains(chars[i + 2]) else {
      return nil
    }
    return (chars[i + 2], i + 3)
  }

  /// The `)` closing a group whose body holds no group of its own, or nil.
  static func plainGroupEnd(_ chars: [Character], from start: Int) -> Int? {
    var i = start
    while i < chars.count {
      switch chars[i] {
      case "\\": i += 2
      case "[": i = classEnd(chars, from: i)
      case "(": return nil
      case ")": return i
      default: i += 1
      }
    }
    return nil
  }

  /// Where the class opening at `start` ends (one past its `]`).
  static func classEnd(_ chars: [Character], from start: Int) -> Int {
    var i = start + 1
    if i < chars.count, chars[i] == "^" { i += 1 }
    if i < chars.count, chars[i] == "]" { i += 1 }
    while i < chars.count {
      if chars[i] == "\\" {
        i += 2
        continue
      }
      if chars[i] == "]" { return i + 1 }
      i += 1
    }
    return chars.count
  }

  /// The branches of a group body when each is a plain word of non-ASCII characters, or, where
  /// order cannot matter (lookaheads), also a class of such characters, spelled out.
  static func branches(_ body: ArraySlice<Character>, allowClasses: Bool) -> [String]? {
    var words: [String] = []
    for branch in body.split(separator: "|", omittingEmptySubsequences: false) {
      if branch.isEmpty { return nil }
      if branch.allSatisfy(isPlain) {
        words.append(String(branch))
      } else if allowClasses, branch.first == "[", branch.last == "]", branch.count > 2,
        branch.dropFirst().dropLast().allSatisfy(isPlain)
      {
        words += branch.dropFirst().dropLast().map { String($0) }
      } else {
        return nil
      }
    }
    return words
  }

  /// A character that stands for itself in every PCRE2 mode: nothing ASCII (no metacharacter,
  /// no letter that `(?i)` would fold (fullwidth ones included), no space that `(?x)` would drop).
  static func isPlain(_ c: Character) -> Bool {
    !c.isASCII && c.unicodeScalars.count == 1 && !c.isWhitespace && !c.isCased
  }

  /// The words as a trie, each level in the order of first appearance; one-character words
  /// with no longer word sharing their character become one class.
  static func trie(_ words: [String]) -> [String] {
    var groups: [(head: Character, rests: [String])] = []
    var at: [Character: Int] = [:]
    for word in words {
      let head = word.first!
      if at[head] == nil {
        at[head] = groups.count
        groups.append((head, []))
      }
      groups[at[head]!].rests.append(String(word.dropFirst()))
    }
    var branches: [String] = []
    var singles: [Character] = []
    for group in groups {
      let rests = group.rests.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      if rests == [""] {
        singles.append(group.head)
      } else if rests.count == 1 {
        branches.append(String(group.head) + rests[0])
      } else if rests.contains("") {
        // An empty rest keeps its place among the others: `项(?:目建设|目|)` tries in order.
        branches.append(String(group.head) + "(?:" + rests.joined(separator: "|") + ")")
      } else {
        let inner = trie(rests)
        branches.append(String(group.head) + (inner.count == 1 ? inner[0] : "(?:" + inner.joined(separator: "|") + ")"))
      }
    }
    if singles.count == 1 { branches.append(String(singles[0])) }
    if singles.count > 1 { branches.append("[" + String(singles) + "]") }
    return branches
  }
}
