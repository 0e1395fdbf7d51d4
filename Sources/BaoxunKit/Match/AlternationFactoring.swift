/// Rewrites long alternations of Chinese words in an expanded pattern as tries
/// (`投资|投入|投产|开工` → `投[资入产]|开工`). PCRE2 tries a flat alternation one branch at a time
/// at every place it looks, and rule macros such as "no verb here" lookaheads hold dozens of
/// words checked at every character; a trie rejects most places after one comparison per first
/// character. Matches are unchanged: at one place only branches with that place's first
/// character can match, and they keep their order, so PCRE2 still prefers the same branch.
/// The pattern is read as PCRE2 reads it, one code point at a time; a pattern using syntax that
/// changes how later characters read (`\Q…\E`, `\c`, comments, `(?x)`, verbs) is left alone.
enum AlternationFactoring {
  typealias Scalars = [Unicode.Scalar]

  /// Alternations shorter than this are left alone: the saving would not be measurable.
  static let minimumBranches = 4

  /// `pattern` with every qualifying group factored; groups that are not plain lists of words,
  /// or hold anything PCRE2 could read differently once moved, are copied unchanged. A group
  /// met before in `cache` (the same macro in another rule) takes its earlier rewrite.
  static func factor(_ pattern: String, cache: PatternCache? = nil) -> String {
    let chars = Array(pattern.unicodeScalars)
    guard !hasContextualSyntax(chars) else { return pattern }
    var out: Scalars = []
    out.reserveCapacity(chars.count)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\" {
        out += chars[i..<min(i + 2, chars.count)]
        i += 2
      } else if c == "[" {
        let end = classEnd(chars, from: i)
        out += chars[i..<end]
        i = end
      } else if c == "(", let opener = opener(chars, at: i),
        let close = plainGroupEnd(chars, from: i + opener.count),
        let body = rewrite(chars, group: i...close, opener: opener, cache: cache)
      {
        out += opener
        out += body
        out.append(")")
        i = close + 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return String(scalars: out)
  }

  /// True for syntax after which characters no longer mean what they seem to a simple scan:
  /// quoting (`\Q`), control escapes (`\c)`), comments, extended mode, and verbs.
  static func hasContextualSyntax(_ chars: Scalars) -> Bool {
    for i in chars.indices where chars[i] == "\\" || chars[i] == "(" {
      let next = i + 1 < chars.count ? chars[i + 1] : " "
      if chars[i] == "\\" && (next == "Q" || next == "c") { return true }
      if chars[i] == "(" && next == "*" { return true }
      if chars[i] == "(" && next == "?" {
        // An option setting such as (?x), (?ix: or (?^x), or a comment (?#…).
        var k = i + 2
        while k < chars.count, chars[k].properties.isAlphabetic || chars[k] == "^" || chars[k] == "-" {
          if chars[k] == "x" { return true }
          k += 1
        }
        if k < chars.count, chars[k] == "#" { return true }
      }
    }
    return false
  }

  static let openers: [Scalars] = ["(?:", "(?=", "(?!", "(?<=", "(?<!"].map { Array($0.unicodeScalars) }

  /// The opening of a group at `i` that may be factored: non-capturing or a lookaround.
  static func opener(_ chars: Scalars, at i: Int) -> Scalars? {
    openers.first { o in i + o.count <= chars.count && chars[i..<(i + o.count)].elementsEqual(o) }
  }

  /// `rewrite` of the group at `group` (opener to `)`), remembered in `cache` by its text, on
  /// which alone the rewrite depends.
  static func rewrite(
    _ chars: Scalars, group: ClosedRange<Int>, opener: Scalars, cache: PatternCache?
  ) -> Scalars? {
    let body = chars[(group.lowerBound + opener.count)..<group.upperBound]
    guard let cache else { return rewrite(body, in: opener) }
    if let known = cache.factored[chars[group]] { return known }
    let found = rewrite(body, in: opener)
    cache.factored[chars[group]] = .some(found)
    return found
  }

  /// The factored body of a group, or nil to leave it as written. A non-capturing group is
  /// factored only when every branch is a plain word, so that PCRE2's order of trying them is
  /// kept. In a lookaround only whether some branch matches counts, so its plain words (and
  /// classes of plain characters) are factored and its other branches kept beside them; in a
  /// lookbehind, words are factored by length, so each branch keeps the fixed length PCRE2 needs.
  static func rewrite(_ body: ArraySlice<Unicode.Scalar>, in opener: Scalars) -> Scalars? {
    let isGroup = opener.count == 3 && opener[2] == ":"
    var words: [Scalars] = []
    var others: [Scalars] = []
    for branch in topLevelBranches(body) {
      if !branch.isEmpty, branch.allSatisfy(isPlain) {
        words.append(Array(branch))
      } else if !isGroup, branch.count > 2, branch.first == "[", branch.last == "]",
        branch.dropFirst().dropLast().allSatisfy(isPlain)
      {
        words += branch.dropFirst().dropLast().map { [$0] }
      } else {
        others.append(Array(branch))
      }
    }
    guard words.count >= minimumBranches, !isGroup || others.isEmpty else { return nil }
    var branches = others
    if opener.count == 4 {  // a lookbehind
      var lengths: [Int] = []
      for w in words where !lengths.contains(w.count) { lengths.append(w.count) }
      for n in lengths { branches += trie(words.filter { $0.count == n }) }
    } else if !isGroup, case let tried = trie(words), let guarded = guarded(tried) {
      branches.append(guarded)
    } else {
      branches += trie(words)
    }
    return joined(branches)
  }

  /// Fewer branches than this are tried as fast one by one as through a class.
  static let minimumGuardBranches = 6

  /// A lookahead's trie behind a class of its first characters, `(?=[投开签])(?:投[资入]|开工|签约)`:
  /// at a place whose character begins no word (most places in running text), the lookahead is
  /// answered by one class test instead of one failed branch per first character.
  static func guarded(_ branches: [Scalars]) -> Scalars? {
    guard branches.count >= minimumGuardBranches else { return nil }
    var heads: Scalars = []
    for b in branches {
      if b.first == "[" { heads += b.dropFirst().dropLast() } else if let h = b.first { heads.append(h) }
    }
    return Array("(?=[".unicodeScalars) + heads + Array("])(?:".unicodeScalars) + joined(branches) + [")"]
  }

  static func joined(_ branches: [Scalars]) -> Scalars {
    var out: Scalars = []
    for (k, b) in branches.enumerated() {
      if k > 0 { out.append("|") }
      out += b
    }
    return out
  }

  /// The branches of a group body split at its top-level `|` (not inside a class or escaped).
  static func topLevelBranches(_ body: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
    let chars = Array(body)
    var out: [ArraySlice<Unicode.Scalar>] = []
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
  static func plainGroupEnd(_ chars: Scalars, from start: Int) -> Int? {
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
  static func classEnd(_ chars: Scalars, from start: Int) -> Int {
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

  /// A code point that stands for itself wherever it is moved: nothing ASCII (no metacharacter,
  /// no letter), no letter that `(?i)` would fold (fullwidth ones included), no white space or
  /// direction mark that `(?x)` would skip, and no combining mark.
  static func isPlain(_ c: Unicode.Scalar) -> Bool {
    let p = c.properties
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .spaceSeparator,
      .lineSeparator, .paragraphSeparator:
      return false
    default:
      return !c.isASCII && !p.isWhitespace && !p.changesWhenCaseMapped && !p.changesWhenCaseFolded
        && c != "\u{85}"
    }
  }

  /// The words as a trie, each level in the order of first appearance; one-character words
  /// with no longer word sharing their character become one class.
  static func trie(_ words: [Scalars]) -> [Scalars] {
    var groups: [(head: Unicode.Scalar, rests: [Scalars])] = []
    var at: [Unicode.Scalar: Int] = [:]
    for word in words {
      let head = word[0]
      if at[head] == nil {
        at[head] = groups.count
        groups.append((head, []))
      }
      groups[at[head]!].rests.append(Array(word.dropFirst()))
    }
    var branches: [Scalars] = []
    var singles: Scalars = []
    for group in groups {
      let rests = group.rests.reduce(into: [Scalars]()) { if !$0.contains($1) { $0.append($1) } }
      if rests == [[]] {
        singles.append(group.head)
      } else if rests.count == 1 {
        branches.append([group.head] + rests[0])
      } else if rests.contains([]) {
        // An empty rest keeps its place among the others: `项(?:目建设|目|)` tries in order.
        branches.append([group.head] + Array("(?:".unicodeScalars) + joined(rests) + [")"])
      } else {
        let inner = trie(rests)
        branches.append([group.head] + (inner.count == 1 ? inner[0] : Array("(?:".unicodeScalars) + joined(inner) + [")"]))
      }
    }
    if singles.count == 1 { branches.append(singles) }
    if singles.count > 1 { branches.append(["["] + singles + ["]"]) }
    return branches
  }
}
