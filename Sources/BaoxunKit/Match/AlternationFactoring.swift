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
      } else if c == "(", let opener = opener(chars, at: i),
        let close = plainGroupEnd(chars, from: i + opener.count),
        let body = rewrite(chars[(i + opener.count)..<close], in: opener)
      {
        out += opener + body + ")"
        i = close + 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return out
  }

  static let openers = ["(?:", "(?=", "(?!", "(?<=", "(?<!"]

  /// The opening of a group at `i` that may be factored: non-capturing or a lookaround.
  static func opener(_ chars: [Character], at i: Int) -> String? {
    openers.first { o in i + o.count <= chars.count && chars[i..<(i + o.count)].elementsEqual(o) }
  }

  /// The factored body of a group, or nil to leave it as written. A non-capturing group is
  /// factored only when every branch is a plain word, so that PCRE2's order of trying them is
  /// kept. In a lookaround only whether some branch matches counts, so its plain words (and
  /// classes of plain characters) are factored and its other branches kept beside them; in a
  /// lookbehind, words are factored by length, so each branch keeps the fixed length PCRE2 needs.
  static func rewrite(_ body: ArraySlice<Character>, in opener: String) -> String? {
    var words: [String] = []
    var others: [String] = []
    for branch in topLevelBranches(body) {
      if !branch.isEmpty, branch.allSatisfy(isPlain) {
        words.append(String(branch))
      } else if opener != "(?:", branch.count > 2, branch.first == "[", branch.last == "]",
        branch.dropFirst().dropLast().allSatisfy(isPlain)
      {
        words += branch.dropFirst().dropLast().map { String($0) }
      } else {
        others.append(String(branch))
      }
    }
    guard words.count >= minimumBranches, opener != "(?:" || others.isEmpty else { return nil }
    guard opener.hasPrefix("(?<") else { return (others + trie(words)).joined(separator: "|") }
    var lengths: [Int] = []
    for w in words where !lengths.contains(w.count) { lengths.append(w.count) }
    let branches = lengths.flatMap { n in trie(words.filter { $0.count == n }) }
    return (others + branches).joined(separator: "|")
  }

  /// The branches of a group body split at its top-level `|` (not inside a class or escaped).
  static func topLevelBranches(_ body: ArraySlice<Character>) -> [ArraySlice<Character>] {
    let chars = Array(body)
    var out: [ArraySlice<Character>] = []
    var start = 0
    var i = 0
    while i < chars.count {
      switch chars[i] {
      case "\\": i += 2
      case "[": i = classEnd(chars, from: i)
      case "|":
        out.append(chars[start..<i])
        i += 1
        start = i
      default: i += 1
      }
    }
    out.append(chars[start..<min(i, chars.count)])
    return out
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
      // A POSIX class inside (`[[:alpha:]]`) ends with its own `:]`.
      if chars[i] == "[", i + 1 < chars.count, chars[i + 1] == ":",
        let close = (i + 2..<chars.count).first(where: { chars[$0] == ":" && $0 + 1 < chars.count && chars[$0 + 1] == "]" })
      {
        i = close + 2
        continue
      }
      if chars[i] == "]" { return i + 1 }
      i += 1
    }
    return chars.count
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
