import Foundation
import Yams

/// Reads rule files with Yams' node API, which keeps line and column for every value, and turns
/// them into compiled rules; unknown keys, duplicate ids and bad patterns are all reported.
struct RuleLoader {
  let directory: URL
  let display: String
  var diagnostics: [Diagnostic] = []
  var warnings: [Diagnostic] = []

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
    do {
      guard let node = try Yams.compose(yaml: text) else { return nil }
      guard let mapping = node.mapping else {
        error("rule.file.invalid", place(shown, node), "a rule file is a mapping with 'macros' and 'rules'")
        return nil
      }
      return mapping
    } catch let e as YamlError {
      let (mark, problem) = Self.describe(e)
      error("rule.yaml.syntax", SourceLocation(file: shown, line: mark?.line ?? 1, column: mark?.column ?? 1),
        "YAML syntax: \(problem)")
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
    checkKeys(m, allowed: Self.ruleKeys, file: file, what: "rule")
    guard let id = m["id"]?.string, !id.isEmpty else {
      error("rule.id.missing", at, "rule has no 'id'")
      return nil
    }
    guard let recordNode = m["record"], let record = RecordType(rawValue: recordNode.string ?? "") else {
      let shown = m["record"]?.string ?? ""
      error("rule.record.invalid", m["record"].map { place(file, $0) } ?? at,
        "rule '\(id)': record '\(shown)' is not one of \(RecordType.allCases.map(\.rawValue).joined(separator: ", "))")
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
    let patternAt = place(file, patternNode)
    let quoted = patternNode.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
    func column(_ offset: Int) -> SourceLocation {
      SourceLocation(file: file, line: patternAt.line, column: patternAt.column + (quoted ? 1 : 0) + offset)
    }
    let expansion: MacroExpander.Expansion
    do {
      expansion = try expander.expand(source)
    } catch {
      switch error {
      case .unknownMacro(let name, let offset):
        self.error("rule.macro.unknown", column(offset),
          "rule '\(id)': unknown macro '{\(name)}': define it under 'macros:' in any rule file")
      case .unknownLexicon(let name, let offset):
        self.error("rule.lexicon.unknown", column(offset),
          "rule '\(id)': unknown word list '{@\(name)}': add Rules/lexicons/\(name).txt")
      case .cycle(let name, let offset):
        self.error("rule.macro.cycle", column(offset), "rule '\(id)': macro '{\(name)}' refers to itself")
      }
      return nil
    }
    let regex: CompiledRegex
    do {
      regex = try CompiledRegex(expansion.pattern)
    } catch {
      if case .compile(let message, let offset) = error {
        let o = expansion.origin.isEmpty ? 0 : expansion.origin[min(offset, expansion.origin.count - 1)]
        self.error("rule.pattern.invalid", column(o),
          "rule '\(id)': pattern does not compile at offset \(o): \(message)")
      }
      return nil
    }
    let fields = record.fields
    for group in regex.groupNames where !fields.contains(group.name) {
      error("rule.group.unknown", patternAt,
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
    examples += readExamples(m["examples"], kind: .example, id: id, file: file)
    examples += readExamples(m["counterexamples"], kind: .counterexample, id: id, file: file)
    examples += readExamples(m["todo"], kind: .todo, id: id, file: file)
    if !examples.contains(where: { $0.kind == .example }) {
      warnings.append(Diagnostic(code: "rule.example.missing", at: at,
        "rule '\(id)' has no example: add one under 'examples:' with the fields it must produce"))
    }
    let groups = regex.groupNames.filter { fields.contains($0.name) }
    return Rule(id: id, record: record, priority: priority, source: source, regex: regex,
      fieldGroups: groups, set: set, examples: examples, location: at,
      requiredLiterals: LiteralAnalysis.requiredLiterals(expansion.pattern))
  }

  mutating func readExamples(_ node: Node?, kind: RuleExample.Kind, id: String, file: String) -> [RuleExample] {
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
      checkKeys(m, allowed: ["text", "expect", "note"], file: file, what: "example")
      var expect: [String: String] = [:]
      for (k, v) in m["expect"]?.mapping ?? [:] { expect[k.string ?? ""] = v.string ?? "" }
      out.append(RuleExample(ruleID: id, kind: kind, text: text, expect: expect, location: at))
    }
    return out
  }

  mutating func checkKeys(_ m: Node.Mapping, allowed: Set<String>, file: String, what: String) {
    for key in m.keys {
      let k = key.string ?? ""
      if !allowed.contains(k) {
        error("rule.key.unknown", place(file, key),
          "unknown key '\(k)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
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
