/// Expands `{NAME}` macros and `{@list}` word lists in a pattern, remembering for every scalar of
/// the result which character of the written pattern produced it, so PCRE2's error offsets can
/// be reported at the right column of the rule file.
public struct MacroExpander: Sendable {
  public var macros: [String: String] { didSet { expandMacros() } }
  public var lexicons: [String: Lexicon] { didSet { expandMacros() } }
  /// Each macro that expands without error, as the `(?:…)` that replaces `{NAME}`, with its
  /// length in scalars: every use of a macro in every rule gets the same text, and expanding
  /// long ones (`{NAME}` holds word lists) afresh for each was a tenth of loading the rules.
  /// Only successes are kept: a failing macro is expanded again, so it fails as before.
  private var expanded: [String: (text: String, scalars: Int)] = [:]

  public enum Failure: Error, Equatable {
    case unknownMacro(String, at: Int)
    case unknownLexicon(String, at: Int)
    case cycle(String, at: Int)
  }

  public struct Expansion {
    public var pattern: String
    /// `origin[i]` is the character offset in the written pattern that produced scalar `i`;
    /// one extra entry maps the end of the pattern, where PCRE2 reports a missing `)`.
    public var origin: [Int]
  }

  public init(macros: [String: String], lexicons: [String: Lexicon]) {
    self.macros = macros
    self.lexicons = lexicons
    expandMacros()
  }

  /// Fills `expanded`. Whether a macro expands does not depend on where it is used: a cycle
  /// through a macro that encloses this use would also run through this macro's own expansion.
  private mutating func expandMacros() {
    expanded = [:]
    for (name, body) in macros {
      var out = Expansion(pattern: "(?:", origin: [])
      guard (try? expand(body, into: &out, origin: 0, stack: [name])) != nil else { continue }
      out.pattern += ")"
      expanded[name] = (out.pattern, out.pattern.unicodeScalars.count)
    }
  }

  public func expand(_ source: String) throws(Failure) -> Expansion {
    var out = Expansion(pattern: "", origin: [])
    try expand(source, into: &out, origin: nil, stack: [])
    out.origin.append(source.count)
    return out
  }

  private func expand(_ source: String, into out: inout Expansion, origin fixed: Int?, stack: [String])
    throws(Failure)
  {
    let chars = Array(source)
    var i = 0
    func emit(_ text: String, at offset: Int) {
      out.pattern += text
      out.origin += Array(repeating: fixed ?? offset, count: text.unicodeScalars.count)
    }
    while i < chars.count {
      if chars[i] == "\\", i + 1 < chars.count {
        emit(String(chars[i...(i + 1)]), at: i)
        i += 2
        continue
      }
      if chars[i] == "{", let close = chars[(i + 1)...].firstIndex(of: "}") {
        let inner = String(chars[(i + 1)..<close])
        let at = fixed ?? i
        if inner.hasPrefix("@"), Self.isName(inner.dropFirst(), lower: true) {
          let name = String(inner.dropFirst())
          guard let lexicon = lexicons[name] else { throw .unknownLexicon(name, at: at) }
          emit(lexicon.alternation, at: at)
          i = close + 1
          continue
        }
        if Self.isName(Substring(inner), lower: false) {
          guard let body = macros[inner] else { throw .unknownMacro(inner, at: at) }
          if stack.contains(inner) { throw .cycle(inner, at: at) }
          if let known = expanded[inner] {
            out.pattern += known.text
            out.origin += Array(repeating: at, count: known.scalars)
            i = close + 1
            continue
          }
          out.pattern += "(?:"
          out.origin += Array(repeating: at, count: 3)
          try expand(body, into: &out, origin: at, stack: stack + [inner])
          out.pattern += ")"
          out.origin.append(at)
          i = close + 1
          continue
        }
      }
      emit(String(chars[i]), at: i)
      i += 1
    }
  }

  static func isName(_ s: Substring, lower: Bool) -> Bool {
    guard let first = s.first, first.isASCII, first.isLetter else { return false }
    if lower { return s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") } }
    return first.isUppercase && s.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
  }
}
