import Foundation
import Yams

/// Reads rule files with Yams' node API, which keeps line and column for every value, and turns
/// them into compiled rules; unknown keys, duplicate ids and bad patterns are all reported.
struct RuleLoader {
  let directory: URL
  let display: String
  var diagnostics: [Diagnostic] = []
  var warnings: [Diagnostic] = []
  /// Each rule file's lines as written, to place an error inside a pattern at its own column.
  var sources: [String: [String]] = [:]
  /// Macros whose own definition is broken: already reported where they are defined, so a rule
  /// that uses them is not reported again.
  var brokenMacros: Set<String> = []
  /// Names known once every file is read, for "did you mean" and the list of word lists.
  var macroNames: Set<String> = []
  var lexiconNames: [String] = []
  /// Groups already parsed, analysed and factored in this rule book's patterns.
  let patternCache = PatternCache()

  init(directory: URL, displayRoot: String?) {
    self.directory = directory
    self.display = displayRoot ?? directory.path
  }

  static let topKeys: Set<String> = ["macros", "rules"]
  static let ruleKeys: Set<String> = [
    "id", "record", "priority", "pattern", "set", "examples", "counterexamples", "todo", "description",
  ]

  mutating func load() throws(DiagnosticList) -> RuleBook {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
      throw DiagnosticList([
        Diagnostic(code: "rule.folder.missing", at: nil,
          "rules folder '\(display)' not found: pass --rules DIR or run from the project folder")
      ])
    }
    let lexicons = loadLexicons()
    let files = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    var documents: [(String, Node.Mapping)] = []
    var macros: [String: String] = [:]
    var macroPlaces: [String: SourceLocation] = [:]
    for name in files {
      let shown = (display as NSString).appendingPathComponent(name)
      guard let root = parse(directory.appendingPathComponent(name), shown: shown) else { continue }
      checkKeys(root, allowed: Self.topKeys, file: shown, what: "rule file")
      if let m = root["macros"] {
        for (key, value) in m.mapping ?? [:] {
          let where_ = place(shown, key)
          guard let k = key.string, let v = value.string else {
            error("rule.macro.invalid", where_, "macro definitions must be NAME: 'pattern'")
            continue
          }
          if let first = macroPlaces[k] {
            error("rule.macro.duplicate", where_, "macro '\(k)' is already defined at \(first)")
          }
          macros[k] = v
          macroPlaces[k] = where_
        }
      }
      documents.append((shown, root))
    }
    let expander = MacroExpander(macros: macros, lexicons: lexicons)
    macroNames = Set(macros.keys)
    lexiconNames = Array(lexicons.keys)
    checkMacroDefinitions(documents, expander: expander)
    var rules: [Rule] = []
    var ids: [String: SourceLocation] = [:]
    for (shown, root) in documents {
      guard let list = root["rules"] else { continue }
      guard let seq = list.sequence else {
        error("rule.file.invalid", place(shown, list), "'rules' must be a list of rules")
        continue
      }
      for node in seq {
        guard let rule = buildRule(node, file: shown, expander: expander) else { continue }
        if let first = ids[rule.id] {
          error("rule.id.duplicate", rule.location, "rule id '\(rule.id)' is already used at \(first)")
          continue
        }
        ids[rule.id] = rule.location
        rules.append(rule)
      }
    }
    if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
    return RuleBook(rules: rules, lexicons: lexicons, macros: macros, warnings: warnings)
  }

  func loadLexicons() -> [String: Lexicon] {
    let folder = directory.appendingPathComponent("lexicons")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".txt") }.sorted()
    var out: [String: Lexicon] = [:]
    for file in names {
      let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
      let name = String(file.dropLast(4))
      out[name] = Lexicon.parse(name: name, text: text, file: "\(display)/lexicons/\(file)")
    }
    return out
  }

  mutating func parse(_ url: URL, shown: String) -> Node.Mapping? {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      error("rule.file.unreadable", SourceLocation(file: shown, line: 1, column: 1),
        "cannot read rule file as UTF-8")
      return nil
    }
    sources[shown] = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    do {
      guard let node = try Yams.compose(yaml: text) else { return nil }
      guard let mapping = node.mapping else {
        error("rule.file.invalid", place(shown, node), "a rule file is a mapping with 'macros' and 'rules'")
        return nil
      }
      return mapping
    } catch let e as YamlError {
      let (mark, problem) = Self.describe(e)
      let line = mark?.line ?? 1
      let rule = Self.ruleID(before: line, in: sources[shown] ?? []).map { "rule '\($0)': " } ?? ""
      error("rule.yaml.syntax", SourceLocation(file: shown, line: line, column: mark?.column ?? 1),
        "\(rule)YAML syntax: \(problem)\(Self.yamlHint(problem))")
      return nil
    } catch {
      self.error("rule.yaml.syntax", SourceLocation(file: shown, line: 1, column: 1), "YAML: \(error)")
      return nil
    }
  }

  static func describe(_ e: YamlError) -> (Mark?, String) {
    switch e {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let extra = context.map { " (\($0.text))" } ?? ""
      return (mark, problem + extra)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark, "duplicate key(s) \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
    default:
      return (nil, "\(e)")
    }
  }

  mutating func buildRule(_ node: Node, file: String, expander: MacroExpander) -> Rule? {
    let at = place(file, node)
    guard let m = node.mapping else {
      error("rule.invalid", at, "each rule is a mapping with id, record, pattern and examples")
      return nil
    }
    guard let id = m["id"]?.string, !id.isEmpty else {
      checkKeys(m, allowed: Self.ruleKeys, file: file, what: "rule")
      error("rule.id.missing", at,
        "rule has no 'id': give each rule a unique id such as 'amount.land-use'")
      return nil
    }
    checkKeys(m, allowed: Self.ruleKeys, file: file, what: "rule '\(id)'")
    let recordTypes = RecordType.allCases.map(\.rawValue).joined(separator: ", ")
    guard let recordNode = m["record"] else {
      error("rule.record.missing", at, "rule '\(id)' has no 'record': one of \(recordTypes)")
      return nil
    }
    guard let record = RecordType(rawValue: recordNode.string ?? "") else {
      error("rule.record.invalid", place(file, recordNode),
        "rule '\(id)': record '\(recordNode.string ?? "")' is not one of \(recordTypes)")
      return nil
    }
    var priority = 0
    if let p = m["priority"] {
      guard let value = Int(p.string ?? "") else {
        error("rule.priority.invalid", place(file, p), "rule '\(id)': priority must be a whole number")
        return nil
      }
      priority = value
    }
    guard let patternNode = m["pattern"], let source = patternNode.string, !source.isEmpty else {
      error("rule.pattern.missing", at, "rule '\(id)' has no 'pattern'")
      return nil
    }
    let column = places(of: patternNode, file: file)
    let expansion: MacroExpander.Expansion
    do {
      expansion = try expander.expand(source)
    } catch {
      // A failure inside a macro's body was reported where the macro is defined.
      if let used = Self.reference(in: source, at: Self.offset(of: error)), brokenMacros.contains(used) {
        return nil
      }
      reportExpansion(error, what: "rule '\(id)'", at: column)
      return nil
    }
    let regex: CompiledRegex
    do {
      // The written pattern must compile as written; the optimized one, which matches the same,
      // is what runs (and if it ever failed to compile, the written one runs instead).
      try CompiledRegex.validate(expansion.pattern)
      if let optimized = try? CompiledRegex(PatternOptimizer.optimize(expansion.pattern, cache: patternCache)) {
        regex = optimized
      } else {
        regex = try CompiledRegex(expansion.pattern)
      }
    } catch {
      if case .compile(let message, let offset) = error {
        let o = expansion.origin.isEmpty ? 0 : expansion.origin[min(offset, expansion.origin.count - 1)]
        let inside = Self.reference(in: source, at: o).map { " (inside '{\($0)}')" } ?? ""
        self.error("rule.pattern.invalid", column(o),
          "rule '\(id)': pattern does not compile at offset \(o)\(inside): \(message)")
      }
      return nil
    }
    let fields = record.fields
    for group in regex.groupNames where !fields.contains(group.name) {
      let o = Self.groupOffset(group.name, in: expansion)
      error("rule.group.unknown", o.map(column) ?? place(file, patternNode),
        "rule '\(id)': named group '\(group.name)' is not a field of \(record.rawValue) records (fields: \(fields.sorted().joined(separator: ", ")))")
    }
    var set: [String: String] = [:]
    if let s = m["set"] {
      for (key, value) in s.mapping ?? [:] {
        let k = key.string ?? ""
        if !fields.contains(k) {
          error("rule.set.unknown", place(file, key),
            "rule '\(id)': 'set' field '\(k)' is not a field of \(record.rawValue) records")
        }
        set[k] = value.string ?? ""
      }
    }
    var examples: [RuleExample] = []
    examples += readExamples(m["examples"], kind: .example, id: id, file: file, table: record.table)
    examples += readExamples(m["counterexamples"], kind: .counterexample, id: id, file: file, table: record.table)
    examples += readExamples(m["todo"], kind: .todo, id: id, file: file, table: record.table)
    if !examples.contains(where: { $0.kind == .example }) {
      warnings.append(Diagnostic(code: "rule.example.missing", at: at,
        "rule '\(id)' has no example: add one under 'examples:' with the fields it must produce"))
    }
    let groups = regex.groupNames.filter { fields.contains($0.name) }
    let literals = LiteralAnalysis.requirementsAndForward(expansion.pattern, cache: patternCache)
    return Rule(id: id, record: record, priority: priority, source: source, regex: regex,
      fieldGroups: groups, set: set, examples: examples, location: at,
      requiredLiterals: literals.all, limitLiterals: literals.forward)
  }

  mutating func readExamples(
    _ node: Node?, kind: RuleExample.Kind, id: String, file: String, table: Table
  ) -> [RuleExample] {
    let columns = Set(table.columns)
    guard let node else { return [] }
    guard let seq = node.sequence else {
      error("rule.examples.invalid", place(file, node), "rule '\(id)': '\(kind.rawValue)s' must be a list")
      return []
    }
    var out: [RuleExample] = []
    for item in seq {
      let at = place(file, item)
      if let text = item.string {
        out.append(RuleExample(ruleID: id, kind: kind, text: text, expect: [:], location: at))
        continue
      }
      guard let m = item.mapping, let text = m["text"]?.string else {
        error("rule.example.invalid", at, "rule '\(id)': an example needs 'text' (and 'expect' fields)")
        continue
      }
      checkKeys(m, allowed: ["text", "expect", "note"], file: file, what: "example of rule '\(id)'")
      var expect: [String: String] = [:]
      if let e = m["expect"], e.mapping == nil {
        error("rule.expect.invalid", place(file, e),
          "rule '\(id)': 'expect' must be a mapping such as {value: '120', unit: mu}")
      }
      for (k, v) in m["expect"]?.mapping ?? [:] {
        let name = k.string ?? ""
        // An expected column the table does not have could never match: the example would fail
        // with a puzzling "got …", so say what is wrong where it is written.
        if !columns.contains(name) {
          let hint = Self.closest(name, in: Array(columns)).map { "did you mean '\($0)'? " } ?? ""
          error("rule.expect.unknown", place(file, k),
            "rule '\(id)': expected field '\(name)' is not a column of \(table.rawValue).csv: \(hint)"
              + "columns: \(table.columns.joined(separator: ", "))")
        }
        expect[name] = v.string ?? ""
      }
      out.append(RuleExample(ruleID: id, kind: kind, text: text, expect: expect, location: at))
    }
    return out
  }

  mutating func checkKeys(_ m: Node.Mapping, allowed: Set<String>, file: String, what: String) {
    for key in m.keys {
      let k = key.string ?? ""
      if !allowed.contains(k) {
        let hint = Self.closest(k, in: Array(allowed)).map { "did you mean '\($0)'? " } ?? ""
        error("rule.key.unknown", place(file, key),
          "unknown key '\(k)' in \(what): \(hint)allowed: "
            + allowed.sorted().joined(separator: ", "))
      }
    }
  }

  func place(_ file: String, _ node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  mutating func error(_ code: String, _ at: SourceLocation, _ message: String) {
    diagnostics.append(Diagnostic(code: code, at: at, message))
  }
}
