import Foundation
import Yams

/// The rule loader's error reporting: where inside a pattern a mistake stands (line and column
/// in the file, through quotes, `''` and folded lines), which rule a YAML syntax error is in,
/// macros checked where they are defined, and "did you mean" for misspelt names. Kept apart
/// from the loading itself, which stays a plain walk over the YAML nodes.
extension RuleLoader {
  /// Expands every macro on its own, so a typo inside a macro is reported once, where the macro
  /// is written, rather than at every rule that uses it.
  mutating func checkMacroDefinitions(
    _ documents: [(String, Node.Mapping)], expander: MacroExpander
  ) {
    for (shown, root) in documents {
      for (key, value) in root["macros"]?.mapping ?? [:] {
        guard let name = key.string, let body = value.string else { continue }
        do {
          _ = try expander.expand(body)
        } catch {
          brokenMacros.insert(name)
          reportExpansion(error, what: "macro '\(name)'", at: places(of: value, file: shown))
        }
      }
    }
  }

  mutating func reportExpansion(
    _ failure: MacroExpander.Failure, what: String, at place: (Int) -> SourceLocation
  ) {
    switch failure {
    case .unknownMacro(let name, let offset):
      let hint = Self.closest(name, in: Array(macroNames)).map { "did you mean '{\($0)}'? " } ?? ""
      error(
        "rule.macro.unknown", place(offset),
        "\(what): unknown macro '{\(name)}': \(hint)define it under 'macros:' in any rule file")
    case .unknownLexicon(let name, let offset):
      let known = lexiconNames.sorted().map { "{@\($0)}" }.joined(separator: ", ")
      error(
        "rule.lexicon.unknown", place(offset),
        "\(what): unknown word list '{@\(name)}': add \(display)/lexicons/\(name).txt"
          + " (word lists: \(known))")
    case .cycle(let name, let offset):
      error("rule.macro.cycle", place(offset), "\(what): macro '{\(name)}' refers to itself")
    }
  }

  static func offset(of failure: MacroExpander.Failure) -> Int {
    switch failure {
    case .unknownMacro(_, let at), .unknownLexicon(_, let at), .cycle(_, let at): return at
    }
  }

  /// The macro (`{NAME}`) written at `offset` of a pattern, if one is: an error found inside
  /// its expansion is reported at this reference.
  static func reference(in source: String, at offset: Int) -> String? {
    let chars = Array(source)
    guard offset < chars.count, chars[offset] == "{",
      let close = chars[offset...].firstIndex(of: "}")
    else { return nil }
    let name = String(chars[(offset + 1)..<close])
    return MacroExpander.isName(Substring(name), lower: false) ? name : nil
  }

  /// Where the named group `(?<name>`, `(?P<name>` or `(?'name'` opens, as a character offset
  /// in the written pattern.
  static func groupOffset(_ name: String, in expansion: MacroExpander.Expansion) -> Int? {
    let scalars = Array(expansion.pattern.unicodeScalars)
    for opener in ["(?<\(name)>", "(?P<\(name)>", "(?'\(name)'"] {
      let needle = Array(opener.unicodeScalars)
      guard needle.count <= scalars.count else { continue }
      for i in 0...(scalars.count - needle.count) where scalars[i] == needle[0] {
        if scalars[i...].starts(with: needle), i < expansion.origin.count {
          return expansion.origin[i]
        }
      }
    }
    return nil
  }

  /// Maps a character offset in a scalar's value to its line and column in the file: quotes,
  /// doubled `''`, escapes and folded line breaks make the two differ.
  func places(of node: Node, file: String) -> (Int) -> SourceLocation {
    let start = place(file, node)
    let positions = Self.positions(of: node, in: sources[file] ?? [])
    return { offset in
      guard let positions, !positions.isEmpty else {
        return SourceLocation(file: file, line: start.line, column: start.column + offset)
      }
      let p = positions[min(max(offset, 0), positions.count - 1)]
      return SourceLocation(file: file, line: p.line, column: p.column)
    }
  }

  /// The file position of every character of a single-quoted, double-quoted or plain scalar's
  /// value, plus one for where the value ends; nil for block scalars.
  static func positions(of node: Node, in lines: [String]) -> [(line: Int, column: Int)]? {
    guard let mark = node.mark, let scalar = node.scalar, mark.line >= 1, mark.line <= lines.count
    else {
      return nil
    }
    let style = scalar.style
    guard style == .singleQuoted || style == .doubleQuoted || style == .plain else { return nil }
    var out: [(line: Int, column: Int)] = []
    var line = mark.line
    var chars = Array(lines[line - 1])
    var i = mark.column - 1 + (style == .plain ? 0 : 1)
    while true {
      var trailing = 0
      while i < chars.count {
        let c = chars[i]
        if style == .singleQuoted && c == "'" {
          guard i + 1 < chars.count, chars[i + 1] == "'" else { return out + [(line, i + 1)] }
          out.append((line, i + 1))
          i += 2
          trailing = 0
          continue
        }
        if style == .doubleQuoted && c == "\"" { return out + [(line, i + 1)] }
        if style == .doubleQuoted && c == "\\" {
          out.append((line, i + 1))
          let width =
            ["x": 2, "u": 4, "U": 8][i + 1 < chars.count ? String(chars[i + 1]) : ""] ?? 0
          i += 2 + width
          trailing = 0
          continue
        }
        if style == .plain && c == "#" && i > 0 && chars[i - 1] == " " { break }
        out.append((line, i + 1))
        trailing = c == " " || c == "\t" ? trailing + 1 : 0
        i += 1
      }
      out.removeLast(trailing)
      // Plain scalars end at the line end here; quoted ones fold onto the next non-blank line.
      guard style != .plain else { return out + [(line, i + 1)] }
      var blank = 0
      repeat {
        line += 1
        guard line <= lines.count else { return out }
        chars = Array(lines[line - 1])
        i = chars.firstIndex { $0 != " " && $0 != "\t" } ?? chars.count
        if i == chars.count { blank += 1 }
      } while i == chars.count
      for _ in 0..<max(blank, 1) { out.append((line, i + 1)) }
    }
  }

  /// The id of the rule whose lines reach `line`, read from the raw text: a YAML syntax error
  /// leaves no parsed rule to name.
  static func ruleID(before line: Int, in lines: [String]) -> String? {
    for raw in lines.prefix(line).reversed() {
      var t = Substring(raw.trimmingCharacters(in: .whitespaces))
      if t.hasPrefix("- ") { t = t.dropFirst(2).drop { $0 == " " } }
      guard t.hasPrefix("id:") else { continue }
      let id = t.dropFirst(3).trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
      return id.isEmpty ? nil : id
    }
    return nil
  }

  /// The usual fix for the YAML mistakes rule authors make.
  static func yamlHint(_ problem: String) -> String {
    if problem.contains("unknown escape") {
      return ": write patterns in single quotes ('\\d'), where a backslash is an ordinary character"
    }
    if problem.contains("mapping values are not allowed") {
      return ": a pattern or text containing ': ' must be quoted"
    }
    return ""
  }

  /// The allowed word nearest to a misspelt one (at most two edits away), for "did you mean".
  static func closest(_ word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      var row = Array(0...b.count)
      for (i, x) in a.enumerated() {
        var previous = row[0]
        row[0] = i + 1
        for (j, y) in b.enumerated() {
          let current = row[j + 1]
          row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
          previous = current
        }
      }
      return row[b.count]
    }
    let w = Array(word)
    let limit = min(2, max(1, w.count / 3))
    let scored = candidates.map { ($0, distance(w, Array($0))) }.filter { $0.1 <= limit }
    return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
  }
}
