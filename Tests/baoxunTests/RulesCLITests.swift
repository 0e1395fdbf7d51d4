import Foundation
import Testing
import TestSupport

/// The rule authoring loop as a user meets it, through the built binary: the worked example of
/// Rules/README.md, `rules check`'s `file:line:col` messages and exit codes, `explain --rule`,
/// `rules coverage`, `rules diff`, and a pathological rule that must not stop a batch.
@Suite struct RulesCLITests {
  static var root: URL { CLITests.root }
  static var binary: URL { CLITests.binary }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  /// Runs `baoxun` in `directory` (the repository by default), as a user at a shell would.
  func baoxun(_ args: [String], in directory: URL = RulesCLITests.root) throws -> Run {
    let p = Process()
    p.executableURL = Self.binary
    p.arguments = args
    p.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes while the process runs, so a full pipe never blocks it.
    let o = Captured()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      o.data = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let e = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return Run(
      status: p.terminationStatus, stdout: String(decoding: o.data, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  /// Standard output read on another thread; the group's wait orders the write before the read.
  final class Captured: @unchecked Sendable {
    var data = Data()
  }

  func tempDir() throws -> URL {
    TestFolders.make("rules")
  }

  /// A copy of the shipped Rules/ (without its README) inside a fresh folder, as `folder/Rules`.
  func copyOfRules() throws -> (folder: URL, rules: URL) {
    let folder = try tempDir()
    let rules = folder.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Rules"), to: rules)
    try? FileManager.default.removeItem(at: rules.appendingPathComponent("README.md"))
    return (folder, rules)
  }

  static var readme: String {
    try! String(contentsOf: root.appendingPathComponent("Rules/README.md"), encoding: .utf8)
  }

  /// The rule file of the README's worked example, exactly as a reader would paste it.
  static var landYAML: String {
    let text = readme
    let start = text.range(of: "cat > /tmp/myrules/land.yaml <<'YAML'\n")!.upperBound
    let end = text.range(of: "\nYAML\n", range: start..<text.endIndex)!.lowerBound
    return String(text[start..<end]) + "\n"
  }

  /// The README's code block that follows `marker`, as lines.
  static func readmeBlock(after marker: String) -> [String] {
    let text = readme
    let at = text.range(of: marker)!.upperBound
    let open = text.range(of: "```\n", range: at..<text.endIndex)!.upperBound
    let close = text.range(of: "\n```", range: open..<text.endIndex)!.lowerBound
    return text[open..<close].split(separator: "\n").map(String.init)
  }

  func csv(_ url: URL) throws -> [[String: String]] {
    CSVReader.parse(try String(contentsOf: url, encoding: .utf8))
  }

  // MARK: - The worked example of Rules/README.md

  /// Following the README only: a land-area rule file in a copy of Rules/, checked, seen to
  /// fire, run with --rules, and its records in amounts.csv, with no rebuild.
  @Test func readmeWorkedExampleAddsLandRecordsWithoutRebuilding() throws {
    let (_, rules) = try copyOfRules()
    try Self.landYAML.write(
      to: rules.appendingPathComponent("land.yaml"), atomically: true, encoding: .utf8)

    let check = try baoxun(["rules", "check", "--rules", rules.path])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasSuffix(" 0 problems\n"))
    #expect(!check.stderr.contains("error:"))

    let explain = try baoxun([
      "explain", "--rules", rules.path, "--rule", "amount.land-use",
      "Corpus/issues/2026/03/05/b-songyang-news-01.txt",
    ])
    #expect(explain.status == 0)
    // The lines the README shows below the sentence (the sentence itself is shortened there).
    let shown = Self.readmeBlock(after: "b-songyang-news-01.txt\n```\n")
    #expect(shown.count == 4)
    for line in shown.dropFirst() {
      #expect(explain.stdout.contains(line + "\n"), "README line not printed: \(line)")
    }

    let out = try tempDir().appendingPathComponent("out")
    let run = try baoxun([
      "run", "Corpus/issues", "--rules", rules.path, "--out", out.path, "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let land = try csv(out.appendingPathComponent("amounts.csv")).filter {
      $0["rule"] == "amount.land-use"
    }
    #expect(land.count >= 5)
    #expect(land.allSatisfy { $0["kind"] == "land" && ["mu", "m2"].contains($0["unit"] ?? "") })
    #expect(
      land.contains {
        $0["issue"] == "2026/03/05/b-songyang-news-01.txt" && $0["text"] == "规划用地132亩"
          && $0["value"] == "132"
      })
    #expect(land.contains { $0["unit"] == "m2" && $0["value"] == "186000" }, "建筑面积18.6万平方米")
  }

  /// Step 6 of the worked example: the exact message the README shows for a missing `)`, and
  /// `run` refusing to start.
  @Test func readmeMistakeGivesTheMessageItShows() throws {
    let (folder, rules) = try copyOfRules()
    let broken = Self.landYAML.replacingOccurrences(of: "公顷))'", with: "公顷)'")
    #expect(broken != Self.landYAML)
    try broken.write(
      to: rules.appendingPathComponent("land.yaml"), atomically: true, encoding: .utf8)
    let shown = Self.readmeBlock(after: "Delete the last `)` of the pattern above and it prints:")
    #expect(shown.count == 1)
    let expected = shown[0].replacingOccurrences(of: "/tmp/myrules", with: rules.path)

    let check = try baoxun(["rules", "check", "--rules", rules.path])
    #expect(check.status == 2)
    #expect(check.stderrLines == [expected])

    let out = folder.appendingPathComponent("out")
    let run = try baoxun(["run", "Corpus/issues", "--rules", rules.path, "--out", out.path])
    #expect(run.status == 2)
    #expect(run.stderrLines == [expected])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  // MARK: - rules check: every error at its file:line:col

  struct Mistake: Sendable, CustomTestStringConvertible {
    var name: String
    var edit: @Sendable (String) -> String
    /// The whole first stderr line, or its start when the rest is long.
    var line: String
    var status: Int32 = 2
    var testDescription: String { name }
  }

  static let mistakes: [Mistake] = [
    Mistake(
      name: "double quotes",
      edit: {
        $0.replacingOccurrences(of: "pattern: '", with: "pattern: \"")
          .replacingOccurrences(of: "公顷))'", with: "公顷))\"").replacingOccurrences(
            of: "{NUM}", with: "\\d+")
      },
      line:
        "Rules/land.yaml:6:65: error: rule 'amount.land-use': YAML syntax: found unknown escape character"
    ),
    Mistake(
      name: "missing )", edit: { $0.replacingOccurrences(of: "公顷))'", with: "公顷)'") },
      line:
        "Rules/land.yaml:6:92: error: rule 'amount.land-use': pattern does not compile at offset 77: missing closing parenthesis"
    ),
    Mistake(
      name: "unknown macro", edit: { $0.replacingOccurrences(of: "{QPRE}", with: "{QPREF}") },
      line:
        "Rules/land.yaml:6:58: error: rule 'amount.land-use': unknown macro '{QPREF}': did you mean '{QPRE}'?"
    ),
    Mistake(
      name: "unknown word list",
      edit: {
        $0.replacingOccurrences(of: "(?:总用地|规划用地|用地面积|用地|占地面积|占地|建筑面积)", with: "{@land_words}")
      },
      line:
        "Rules/land.yaml:6:15: error: rule 'amount.land-use': unknown word list '{@land_words}': add Rules/lexicons/land_words.txt"
    ),
    Mistake(
      name: "duplicate id",
      edit: { $0.replacingOccurrences(of: "id: amount.land-use", with: "id: amount.area") },
      line:
        "Rules/land.yaml:2:5: error: rule id 'amount.area' is already used at Rules/amounts.yaml:"),
    Mistake(
      name: "group not a field",
      edit: { $0.replacingOccurrences(of: "?<amount>", with: "?<area>") },
      line:
        "Rules/land.yaml:6:48: error: rule 'amount.land-use': named group 'area' is not a field of amount records"
    ),
    Mistake(
      name: "misspelt key",
      edit: { $0.replacingOccurrences(of: "    pattern:", with: "    paterns: x\n    pattern:") },
      line:
        "Rules/land.yaml:6:5: error: unknown key 'paterns' in rule 'amount.land-use': did you mean 'pattern'?"
    ),
    Mistake(
      name: "expected column missing",
      edit: { $0.replacingOccurrences(of: "unit: mu, kind", with: "units: mu, kind") },
      line:
        "Rules/land.yaml:10:32: error: rule 'amount.land-use': expected field 'units' is not a column of amounts.csv"
    ),
    Mistake(
      name: "no example",
      edit: { yaml in
        let a = yaml.range(of: "    examples:\n")!.lowerBound
        let b = yaml.range(of: "    counterexamples:\n")!.lowerBound
        return String(yaml[..<a] + yaml[b...])
      },
      line:
        "Rules/land.yaml:2:5: error: rule 'amount.land-use' has no example: add one under 'examples:'"
    ),
    Mistake(
      name: "failing example",
      edit: {
        $0.replacingOccurrences(
          of: "{value: '120', unit: mu, kind", with: "{value: '12', unit: mu, kind")
      },
      line:
        "Rules/land.yaml:9:9: error: rule 'amount.land-use': example does not produce kind=land unit=mu value=12: got kind=land unit=mu value=120"
    ),
    Mistake(
      name: "counterexample fires",
      edit: { $0.replacingOccurrences(of: "亩产量达到600公斤。", with: "新增用地600亩") },
      line: "Rules/land.yaml:16:9: error: rule 'amount.land-use': counterexample fires: 用地600亩"),
    Mistake(
      name: "todo still missing", edit: { $0 + Self.todo },
      line:
        "Rules/land.yaml:18:9: note: rule 'amount.land-use': todo (known miss): value=120 from '项目土地面积120亩'",
      status: 0),
    Mistake(
      name: "todo now passes",
      edit: { ($0 + Self.todo).replacingOccurrences(of: "(?:总用地|", with: "(?:土地面积|总用地|") },
      line:
        "Rules/land.yaml:18:9: warning: rule 'amount.land-use': todo example now passes: move it to 'examples'",
      status: 0),
  ]

  static let todo = "    todo:\n      - text: 项目土地面积120亩\n        expect: {value: '120'}\n"

  /// What one mistake in the worked example's rule file prints, at which file:line:col, with
  /// which exit code; and that Rules/README.md shows that same line.
  @Test(arguments: mistakes)
  func rulesCheckPointsAtTheMistake(_ mistake: Mistake) throws {
    let (folder, rules) = try copyOfRules()
    let yaml = mistake.edit(Self.landYAML)
    #expect(yaml != Self.landYAML)
    try yaml.write(to: rules.appendingPathComponent("land.yaml"), atomically: true, encoding: .utf8)
    let r = try baoxun(["rules", "check"], in: folder)
    #expect(r.status == mistake.status, "\(r.stderr)")
    let printed = r.stderrLines.filter { $0.hasPrefix("Rules/land.yaml:") }
    #expect(printed.count == 1, "\(r.stderr)")
    let line = try #require(printed.first)
    #expect(line.hasPrefix(mistake.line))
    let readme = Self.readmeBlock(after: "once the file is in `Rules/`:").map(Self.stable)
    #expect(readme.contains(Self.stable(line)), "Rules/README.md does not show: \(line)")
  }

  /// A message with the parts that change as other rule files and word lists change left out.
  static func stable(_ line: String) -> String {
    var s = line.replacing(#/Rules/amounts\.yaml:\d+:\d+/#, with: "Rules/amounts.yaml:L:C")
    s = s.replacing(#/ \(word lists: [^)]*\)/#, with: "")
    s = s.replacing(#/ columns: .*$/#, with: " columns: …")
    return s
  }

  @Test func shippedRulesPassWithTheirTodoAsANote() throws {
    let r = try baoxun(["rules", "check"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix(" 0 problems\n"))
    #expect(!r.stderr.contains(": error: "), "\(r.stderr)")
  }

  // MARK: - explain, coverage, diff

  @Test func explainShowsOnlyTheRuleAsked() throws {
    let seed = "Corpus/issues/000_a0d1a62f7fd3dcd1.txt"
    let one = try baoxun(["explain", "--rule", "amount.investment", seed])
    #expect(one.status == 0)
    let matchLines = one.stdout.split(separator: "\n").filter {
      $0.hasPrefix("    ") && !$0.hasPrefix("      ")
    }
    #expect(!matchLines.isEmpty)
    #expect(matchLines.allSatisfy { $0.contains("amount.investment") }, "\(one.stdout)")
    #expect(one.stdout.contains("⟦总投资近7.6亿元⟧"), "only the rule's own span is marked")
    #expect(
      one.stdout.contains(
        "      → value=760000000 unit=CNY qualifier=近 bound=approx kind=investment\n"))
    #expect(!one.stdout.contains("\u{1B}["), "plain when piped")

    let family = try baoxun(["explain", "--rule", "amount", seed])
    #expect(family.stdout.contains("amount amount.sales: "))
    #expect(!family.stdout.contains("job job."))

    let lost = try baoxun(["explain", seed])
    #expect(lost.stdout.contains(" — beaten by event.ceremony-list on priority ("))

    let unknown = try baoxun(["explain", "--rule", "amount.nope", seed])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr.hasPrefix("error: no rule 'amount.nope' in Rules (rules of that kind: amount.")
    )

    let colour = try baoxun(["explain", "--rule", "amount.investment", "--color", "always", seed])
    #expect(colour.stdout.contains("\u{1B}[1;33m总投资近7.6亿元\u{1B}[0m"))
  }

  @Test func coverageListsRulesNeverFiredAndUncoveredSentences() throws {
    let (_, rules) = try copyOfRules()
    try """
    rules:
      - id: amount.never-here
        record: amount
        pattern: '永不出现(?<amount>\\d+元)'
        examples: [{text: 永不出现5元, expect: {value: '5'}}]
    """.write(to: rules.appendingPathComponent("never.yaml"), atomically: true, encoding: .utf8)
    let seed = "Corpus/issues/000_a0d1a62f7fd3dcd1.txt"
    let table = try baoxun(["rules", "coverage", "--rules", rules.path, seed])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.hasPrefix("1 files, "))
    #expect(table.stdout.contains("\n  \(rules.path)/never.yaml:2:5: amount.never-here\n"))
    #expect(table.stdout.contains("sentences with a quantity or title word but no match ("))

    let csv = try baoxun(["rules", "coverage", "--rules", rules.path, "--format", "csv", seed])
    #expect(csv.status == 0)
    let rows = CSVReader.parse(csv.stdout)
    let investment = try #require(
      rows.first { $0["kind"] == "rule" && $0["rule"] == "amount.investment" })
    #expect(Int(investment["fires"] ?? "") ?? 0 >= 1)
    #expect(
      rows.contains {
        $0["kind"] == "rule" && $0["rule"] == "amount.never-here" && $0["fires"] == "0"
      })
    let uncovered = rows.filter { $0["kind"] == "uncovered" }
    #expect(!uncovered.isEmpty)
    #expect(
      uncovered.allSatisfy {
        $0["issue"] == seed && !($0["cues"] ?? "").isEmpty && !($0["sentence"] ?? "").isEmpty
      })
  }

  /// The shipped rules against a copy with one rule removed: the diff's lost records are exactly
  /// the rows that rule wrote in `run`'s amounts.csv, and nothing is gained.
  @Test func diffListsExactlyTheRecordsOfARemovedRule() throws {
    let (_, rules) = try copyOfRules()
    let file = rules.appendingPathComponent("amounts.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let start = try #require(text.range(of: "  - id: amount.deposit\n"))
    let end = text.range(of: "\n  - id: ", range: start.upperBound..<text.endIndex).map {
      text.index(after: $0.lowerBound)
    }
    try (String(text[..<start.lowerBound]) + String(text[(end ?? text.endIndex)...]))
      .write(to: file, atomically: true, encoding: .utf8)

    let out = try tempDir()
    #expect(try baoxun(["run", "Corpus/issues", "--out", out.path, "--quiet"]).status == 0)
    let produced = try csv(out.appendingPathComponent("amounts.csv")).filter {
      $0["rule"] == "amount.deposit"
    }
    #expect(!produced.isEmpty)

    let r = try baoxun([
      "rules", "diff", "--against", "Rules", "--rules", rules.path, "--format", "csv",
      "Corpus/issues",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let changes = CSVReader.parse(r.stdout)
    #expect(
      changes.allSatisfy {
        $0["change"] == "lost" && $0["table"] == "amounts" && $0["rule"] == "amount.deposit"
      })
    let key = { (row: [String: String]) in
      "\(row["issue"]!) \(row["start"]!) \(row["end"]!) \(row["sentence"]!)"
    }
    #expect(changes.map(key).sorted() == produced.map(key).sorted())
    for (change, row) in zip(
      changes.sorted { key($0) < key($1) }, produced.sorted { key($0) < key($1) })
    {
      #expect(change["fields"]?.contains("value=\(row["value"]!)") == true)
    }

    let table = try baoxun([
      "rules", "diff", "--against", "Rules", "--rules", rules.path, "Corpus/issues",
    ])
    #expect(table.stdout.contains("\n0 gained, \(produced.count) lost in "))
    #expect(table.stdout.contains("  - amounts amount.deposit ["))
  }

  // MARK: - Safety

  /// `run` checks the rules before it looks at the inputs: broken rules win over a missing path.
  @Test func brokenRulesAreReportedBeforeAnyIssueIsRead() throws {
    let (_, rules) = try copyOfRules()
    try Self.landYAML.replacingOccurrences(of: "{QPRE}", with: "{QPREF}")
      .write(to: rules.appendingPathComponent("land.yaml"), atomically: true, encoding: .utf8)
    let r = try baoxun([
      "run", "no/such/folder", "--rules", rules.path, "--out",
      try tempDir().appendingPathComponent("o").path,
    ])
    #expect(r.status == 2)
    #expect(r.stderrLines.count == 1)
    #expect(
      r.stderr.hasPrefix(
        "\(rules.path)/land.yaml:6:58: error: rule 'amount.land-use': unknown macro '{QPREF}'"))
  }

  /// A catastrophically backtracking rule hits the match limit on a long line: errors.csv names
  /// the rule and the issue (stage `match`), and every other record still comes out.
  @Test func pathologicalRuleIsAnErrorRowAndTheBatchGoesOn() throws {
    let (folder, rules) = try copyOfRules()
    try """
    rules:
      - id: amount.slow
        record: amount
        pattern: '(a+)+b'
        examples: [{text: aab}]
    """.write(to: rules.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    let issues = folder.appendingPathComponent("issues")
    try FileManager.default.createDirectory(at: issues, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.root.appendingPathComponent("Corpus/issues/000_a0d1a62f7fd3dcd1.txt"),
      to: issues.appendingPathComponent("a.txt"))
    // A 'b' later in the sentence defeats PCRE2's required-character shortcut, so the nested
    // repeat really backtracks over the 40 a's.
    try "测试报道\n\n该项目总投资5亿元，型号\(String(repeating: "a", count: 40))c，另一型号为b型。\n\n全县新增就业300人。\n"
      .write(to: issues.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)

    let started = Date()
    let out = folder.appendingPathComponent("out")
    let r = try baoxun(["run", issues.path, "--rules", rules.path, "--out", out.path, "--quiet"])
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(r.status == 1, "a file not fully processed: \(r.stderr)")
    let errors = try csv(out.appendingPathComponent("errors.csv"))
    #expect(errors.count == 1)
    #expect(errors.first?["issue"] == "b.txt")
    #expect(errors.first?["stage"] == "match")
    #expect(errors.first?["message"]?.contains("rule 'amount.slow'") == true)
    #expect(errors.first?["message"]?.contains("match limit") == true)
    let amounts = try csv(out.appendingPathComponent("amounts.csv"))
    #expect(
      amounts.contains {
        $0["issue"] == "b.txt" && $0["value"] == "500000000" && $0["rule"] == "amount.investment"
      })
    #expect(amounts.contains { $0["issue"] == "a.txt" && $0["value"] == "760000000" })
    #expect(
      try csv(out.appendingPathComponent("jobs.csv")).contains {
        $0["issue"] == "b.txt" && $0["value"] == "300"
      })
  }
}
