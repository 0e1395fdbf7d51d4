/// The part of a PCRE2 pattern's structure that decides which literals a match needs: literal
/// characters, concatenation, alternation, repetition and lookarounds. Everything else is folded
/// into `unknown` (some text, possibly empty, that names no literal) or `empty` (zero width).
indirect enum PatternNode: Equatable, Sendable {
  /// One literal character.
  case char(Unicode.Scalar)
  /// A small class of literal characters, `[，、]`: any one of them.
  case oneOf([Unicode.Scalar])
  /// Text the analysis cannot name: `.`, `\d`, `\p{…}`, `[^…]`, ranges, backreferences.
  case unknown
  /// Zero-width and naming nothing: anchors, `\b`, negative lookarounds, comments.
  case empty
  /// A positive lookahead or lookbehind: zero width, but its text must be in the subject
  /// (after the place it stands, or for a lookbehind before it).
  case look(PatternNode, behind: Bool)
  case concat([PatternNode])
  case alternation([PatternNode])
  case repeated(PatternNode, min: Int, max: Int?)
  /// A parenthesized group read through a `PatternCache`: `number` names its text there, so
  /// what the analysis finds in `node` is worked out once for every place the text recurs.
  case group(PatternNode, number: Int)
}

/// Parses PCRE2 syntax (UTF mode, no extended or caseless option) into `PatternNode`s. It is
/// deliberately strict: options, conditionals, recursion, verbs and unknown escapes make it give
/// up, because a literal analysis that misreads a pattern would make the prefilter drop matches.
struct PatternParser {
  struct Unsupported: Error, Equatable {
    var offset: Int
  }

  private let s: [Unicode.Scalar]
  private var i = 0
  private let cache: PatternCache?

  init(_ pattern: String, cache: PatternCache? = nil) {
    s = Array(pattern.unicodeScalars)
    self.cache = cache
  }

  /// The pattern's node; with a `cache`, groups read before (in this or another pattern) are
  /// not read again, and come back as `.group` nodes.
  static func parse(_ pattern: String, cache: PatternCache? = nil) throws(Unsupported) -> PatternNode {
    var parser = PatternParser(pattern, cache: cache)
    let node = try parser.alternation()
    guard parser.i == parser.s.count else { throw Unsupported(offset: parser.i) }
    return node
  }

  private var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

  private func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  private func fail() -> Unsupported { Unsupported(offset: i) }

  private mutating func alternation() throws(Unsupported) -> PatternNode {
    var branches = [try concatenation()]
    while peek == "|" {
      i += 1
      branches.append(try concatenation())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func concatenation() throws(Unsupported) -> PatternNode {
    var items: [PatternNode] = []
    while let c = peek, c != "|", c != ")" {
      var atom: PatternNode
      if c == "\\", peek(1) == "Q" {
        // A quoted run is one atom per character: a quantifier after it repeats the last one.
        var quoted = quotedRun()
        guard let last = quoted.popLast() else { continue }
        items += quoted.map { .char($0) }
        atom = .char(last)
      } else {
        atom = try self.atom()
      }
      while let (min, max) = try quantifier() { atom = .repeated(atom, min: min, max: max) }
      items.append(atom)
    }
    return items.count == 1 ? items[0] : .concat(items)
  }

  private mutating func atom() throws(Unsupported) -> PatternNode {
    let c = s[i]
    switch c {
    case "(": return try group()
    case "[": return try characterClass()
    case "\\": return try escape(inClass: false).node
    case ".":
      i += 1
      return .unknown
    case "^", "$":
      i += 1
      return .empty
    case "*", "+", "?": throw fail()
    case "{" where quantifierAhead(): throw fail()
    default:
      i += 1
      return .char(c)
    }
  }

  /// A group, from the cache when its text was read before. Reading a group looks at nothing
  /// past its `)`, so the same text always reads the same way, wherever it stands.
  private mutating func group() throws(Unsupported) -> PatternNode {
    guard let cache else { return try groupContents() }
    let start = i
    if let end = groupEnd(), let known = cache.number(of: s[start...end]) {
      i = end + 1
      return .group(cache.nodes[known], number: known)
    }
    let node = try groupContents()
    return .group(node, number: cache.add(s[start..<i], node))
  }

  /// Where the group opening at `i` seems to close: a quick scan that skips escapes and
  /// classes. It only picks the text to look up; a wrong guess just misses the cache.
  private func groupEnd() -> Int? {
    var depth = 0
    var j = i
    while j < s.count {
      switch s[j] {
      case "\\": j += 2
      case "[": j = AlternationFactoring.classEnd(s, from: j)
      case "(":
        depth += 1
        j += 1
      case ")":
        depth -= 1
        if depth == 0 { return j }
        j += 1
      default: j += 1
      }
    }
    return nil
  }

  private mutating func groupContents() throws(Unsupported) -> PatternNode {
    i += 1  // (
    enum Kind { case group, look, lookbehind, negative }
    var kind = Kind.group
    if peek == "*" { throw fail() }  // verbs and (*pla:…) forms
    if peek == "?" {
      i += 1
      switch (peek, peek(1)) {
      case (":", _), (">", _), ("|", _): i += 1
      case ("=", _): kind = .look; i += 1
      case ("!", _): kind = .negative; i += 1
      case ("<", "="): kind = .lookbehind; i += 2
      case ("<", "!"): kind = .negative; i += 2
      case ("<", _), ("P", "<"), ("'", _):
        i += peek == "P" ? 2 : 1
        let close: Unicode.Scalar = s[i - 1] == "'" ? "'" : ">"
        while let c = peek, c != close {
          guard c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil else { throw fail() }
          i += 1
        }
        guard peek == close else { throw fail() }
        i += 1
      case ("#", _):
        while let c = peek, c != ")" { i += 1 }
        guard peek == ")" else { throw fail() }
        i += 1
        return .empty
      default: throw fail()  // options, conditionals, recursion, callouts
      }
    }
    let inner = try alternation()
    guard peek == ")" else { throw fail() }
    i += 1
    switch kind {
    case .look: return .look(inner, behind: false)
    case .lookbehind: return .look(inner, behind: true)
    case .negative: return .empty
    case .group: return inner
    }
  }

  /// True when a `{` here starts a quantifier (`{2}`, `{2,}`, `{2,5}`); PCRE2 10.42 reads any
  /// other `{` as a literal, but `{,5}` changed meaning in 10.43, so that one is refused.
  private func quantifierAhead() -> Bool {
    var j = i + 1
    var digits = 0
    while j < s.count, s[j].isASCIIDigit { j += 1; digits += 1 }
    if digits == 0 { return j < s.count && s[j] == "," }
    if j < s.count, s[j] == "," {
      j += 1
      while j < s.count, s[j].isASCIIDigit { j += 1 }
    }
    return j < s.count && s[j] == "}"
  }

  private mutating func quantifier() throws(Unsupported) -> (Int, Int?)? {
    var bounds: (Int, Int?)
    switch peek {
    case "*": bounds = (0, nil); i += 1
    case "+": bounds = (1, nil); i += 1
    case "?": bounds = (0, 1); i += 1
    case "{" where quantifierAhead():
      i += 1
      guard peek != "," else { throw fail() }
      let low = number()
      var high: Int? = low
      if peek == "," {
        i += 1
        high = peek == "}" ? nil : number()
      }
      i += 1  // }
      bounds = (low, high)
    default: return nil
    }
    if peek == "?" || peek == "+" { i += 1 }  // lazy or possessive: the same texts can match
    return bounds
  }

  private mutating func number() -> Int {
    var n = 0
    while let c = peek, c.isASCIIDigit {
      n = min(n * 10 + Int(c.value - 48), 1_000_000)
      i += 1
    }
    return n
  }

  /// An escape at `\`; in a class, an escape that stands for many characters reads as nil.
  private mutating func escape(inClass: Bool) throws(Unsupported) -> (node: PatternNode, char: Unicode.Scalar?) {
    i += 1
    guard let e = peek else { throw fail() }
    i += 1
    switch e {
    case "n", "t", "r", "f", "e", "a":
      let c = Self.control(e)
      return (.char(c), c)
    case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X", "C":
      return (.unknown, nil)
    case "N" where peek != "{":
      return (.unknown, nil)
    case "p", "P", "N":  // \p{…}, \pL, and \N{U+…} (a character named by number)
      if peek == "{" {
        while let c = peek, c != "}" { i += 1 }
        guard peek == "}" else { throw fail() }
      }
      i += 1
      return (.unknown, nil)
    case "b", "B", "A", "z", "Z", "G", "K", "E":
      if inClass { throw fail() }
      return (.empty, nil)
    case "Q":
      throw fail()  // read by `quotedRun`; inside a class it is not worth supporting
    case "x":
      var digits = ""
      if peek == "{" {
        i += 1
        while let c = peek, c != "}" { digits.unicodeScalars.append(c); i += 1 }
        guard peek == "}" else { throw fail() }
        i += 1
      } else {
        while digits.count < 2, let c = peek, c.properties.isASCIIHexDigit { digits.unicodeScalars.append(c); i += 1 }
      }
      guard let v = UInt32(digits, radix: 16), let c = Unicode.Scalar(v) else { throw fail() }
      return (.char(c), c)
    case "0"..."9", "g", "k", "o":
      // Backreferences and octal escapes: some text this analysis does not name.
      if inClass { throw fail() }
      if let open = peek, let close = Self.closer(open) {
        i += 1
        while let c = peek, c != close { i += 1 }
        guard peek == close else { throw fail() }
        i += 1
      } else {
        if peek == "-" || peek == "+" { i += 1 }
        while let c = peek, c.isASCIIDigit { i += 1 }
      }
      return (.unknown, nil)
    default:
      if e.isASCII, e.properties.isAlphabetic || e.isASCIIDigit { throw fail() }
      return (.char(e), e)
    }
  }

  /// The character `\n`, `\t`, `\r`, `\f`, `\e` or `\a` stands for.
  private static func control(_ e: Unicode.Scalar) -> Unicode.Scalar {
    switch e {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "f": return "\u{0C}"
    case "e": return "\u{1B}"
    default: return "\u{07}"
    }
  }

  /// The bracket closing a backreference's name (`\k<name>`, `\g{2}`, `\k'name'`).
  private static func closer(_ open: Unicode.Scalar) -> Unicode.Scalar? {
    switch open {
    case "{": return "}"
    case "<": return ">"
    case "'": return "'"
    default: return nil
    }
  }

  /// The characters of `\Q…\E` (to the end of the pattern when `\E` is missing), literally.
  private mutating func quotedRun() -> [Unicode.Scalar] {
    i += 2
    var chars: [Unicode.Scalar] = []
    while i < s.count, !(s[i] == "\\" && peek(1) == "E") {
      chars.append(s[i])
      i += 1
    }
    if i < s.count { i += 2 }
    return chars
  }

  /// A bracketed class: a short list of plain characters becomes `.oneOf`, anything with a
  /// negation, a range, a POSIX name or a class escape becomes `.unknown`.
  private mutating func characterClass() throws(Unsupported) -> PatternNode {
    i += 1  // [
    var plain = true
    var chars: [Unicode.Scalar] = []
    if peek == "^" {
      plain = false
      i += 1
    }
    var first = true
    while let c = peek, c != "]" || first {
      first = false
      if c == "[", peek(1) == ":" {
        plain = false
        i += 2
        while let d = peek, d != ":" { i += 1 }
        guard peek == ":", peek(1) == "]" else { throw fail() }
        i += 2
        continue
      }
      var item: Unicode.Scalar?
      if c == "\\" {
        item = try escape(inClass: true).char
      } else {
        item = c
        i += 1
      }
      if peek == "-", let next = peek(1), next != "]" {
        plain = false  // a range
        i += 1
        if next == "\\" { _ = try escape(inClass: true) } else { i += 1 }
        continue
      }
      if let item { chars.append(item) } else { plain = false }
    }
    guard peek == "]" else { throw fail() }
    i += 1
    return plain && !chars.isEmpty && chars.count <= 32 ? .oneOf(chars) : .unknown
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
