import Foundation
import Testing
import TestSupport

/// Runs the built `baoxun` binary as a user would: exit codes, stderr, and the files it writes.
@Suite(.serialized) struct CLITests {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  static var binary: URL {
    let built = Bundle.main.bundleURL.appendingPathComponent("baoxun")
    if FileManager.default.fileExists(atPath: built.path) { return built }
    return root.appendingPathComponent(".build/debug/baoxun")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  @discardableResult
  func baoxun(
    _ args: [String], stdin: String? = nil, environment: [String: String] = [:], shell: Bool = false
  ) throws -> Result {
    let p = Process()
    p.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : Self.binary
    p.arguments = args
    p.currentDirectoryURL = Self.root
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let input = Pipe()
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  func tempDir() -> URL {
    TestFolders.make("cli")
  }

  func csv(_ url: URL) throws -> [[String: String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return CSVReader.parse(text)
  }

  @Test func runOnTheSeedWritesAllSevenTables() throws {
    let out = tempDir()
    let r = try baoxun(["run", "Corpus/issues/000_a0d1a62f7fd3dcd1.txt", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("1 files"))
    for table in ["articles", "officials", "events", "projects", "amounts", "jobs", "errors"] {
      let data = try Data(contentsOf: out.appendingPathComponent("\(table).csv"))
      #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(table).csv has a BOM")
    }
    let officials = try csv(out.appendingPathComponent("officials.csv"))
    #expect(officials.contains { $0["name"] == "刘颖" && $0["titles"] == "市委常委|区委书记" })
    let amounts = try csv(out.appendingPathComponent("amounts.csv"))
    #expect(amounts.contains { $0["value"] == "760000000" && $0["qualifier"] == "近" && $0["bound"] == "approx" })
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  /// GBK folder names typed as arguments reach the supervised child as their own bytes and
  /// are read, each from its own folder although 数据 and 新闻 decode to the same U+FFFD text;
  /// `explain` opens a GBK file name too; an `--out` that is not UTF-8 is refused before any
  /// work. The shell makes the bytes: Foundation's `Process` only passes text.
  @Test func gbkPathArgumentsAreReadByTheirBytes() throws {
    let top = tempDir()
    let data = top.path + "/" + "$(printf '\\312\\375\\276\\335')"  // 数据
    let news = top.path + "/" + "$(printf '\\320\\302\\316\\305')"  // 新闻
    let out = top.appendingPathComponent("out")
    let script = """
      mkdir "\(data)" "\(news)" && cp "$1" "\(data)/a.txt" && cp "$1" "\(news)/b.txt" \
      && "$0" run "\(data)" "\(news)" --out "\(out.path)" --quiet && "$0" explain "\(news)/b.txt" --rules "$2" \
      && { "$0" run "\(data)" --out "\(news)/out" --quiet 2>"\(top.path)/err"; test $? -eq 2; } \
      && test ! -e "\(news)/out" && cat "\(top.path)/err" >&2
      """
    let r = try baoxun(
      ["-c", script, Self.binary.path, Self.root.appendingPathComponent("Corpus/issues/000_a0d1a62f7fd3dcd1.txt").path,
       Self.root.appendingPathComponent("Rules").path], shell: true)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("event.meeting-held"))
    #expect(r.stderr.contains("--out names a folder whose name is not UTF-8"))
    let issues = Set(try csv(out.appendingPathComponent("articles.csv")).compactMap { $0["issue"] })
    #expect(issues == [top.path + "/数据/a.txt", top.path + "/新闻/b.txt"])
  }

  @Test func brokenFileIsReportedAndTheBatchGoesOn() throws {
    let input = tempDir()
    let out = tempDir()
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Corpus/issues/000_a0d1a62f7fd3dcd1.txt"),
      to: input.appendingPathComponent("a.txt"))
    try Data([0x41, 0x00, 0x42]).write(to: input.appendingPathComponent("b.txt"))
    try Data([0xE4, 0xB8, 0xAD, 0xFF, 0xFE, 0x41]).write(to: input.appendingPathComponent("c.txt"))
    let r = try baoxun(["run", input.path, "--out", out.path, "--quiet"])
    #expect(r.status == 1)
    let errors = try csv(out.appendingPathComponent("errors.csv"))
    #expect(errors.map { $0["issue"] } == ["b.txt", "c.txt"])
    #expect(errors[0]["message"]?.contains("binary") == true)
    #expect(try csv(out.appendingPathComponent("officials.csv")).contains { $0["issue"] == "a.txt" })
  }

  @Test func brokenRulesStopTheRunBeforeWritingAnything() throws {
    let rules = tempDir()
    let out = tempDir().appendingPathComponent("never")
    try "rules:\n  - id: x\n    record: amount\n    pattern: '(?<amount>[0-9'\n    examples: [{text: a}]\n"
      .write(to: rules.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    let r = try baoxun(["run", "Corpus", "--rules", rules.path, "--out", out.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("a.yaml:4:"))
    #expect(r.stderr.contains("error: rule 'x'"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func unwritableOutFailsAtOnce() throws {
    let blocker = tempDir().appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let r = try baoxun(["run", "Corpus", "--out", blocker.appendingPathComponent("sub").path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot write output"))
  }

  @Test func badUsageExitsTwo() throws {
    #expect(try baoxun(["run", "Corpus", "--jobs", "0"]).status == 2)
    #expect(try baoxun(["run"]).status == 2)
    #expect(try baoxun(["run", "no/such/folder"]).status == 2)
  }

  @Test func rulesCheckPassesOnShippedRules() throws {
    let r = try baoxun(["rules", "check"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("0 problems"))
  }

  @Test func segmentAndExplainShowTheirViews() throws {
    let seg = try baoxun(["segment", "Corpus/issues/000_a0d1a62f7fd3dcd1.txt"])
    #expect(seg.status == 0)
    #expect(seg.stdout.contains("headline:    区政府廉政工作会议举行"))
    let ex = try baoxun(["explain", "Corpus/issues/000_a0d1a62f7fd3dcd1.txt"])
    #expect(ex.stdout.contains("⟦这19个项目总投资近7.6亿元⟧"))
    #expect(ex.stdout.contains("amount amount.investment: 总投资近7.6亿元"))
  }

  @Test func sameOutputForOneAndTwoJobs() throws {
    let a = tempDir()
    let b = tempDir()
    #expect(try baoxun(["run", "Corpus", "--out", a.path, "--jobs", "1", "--quiet"]).status == 0)
    #expect(try baoxun(["run", "Corpus", "--out", b.path, "--jobs", "2", "--quiet"]).status == 0)
    for table in ["articles", "officials", "events", "projects", "amounts", "jobs", "errors"] {
      let x = try Data(contentsOf: a.appendingPathComponent("\(table).csv"))
      let y = try Data(contentsOf: b.appendingPathComponent("\(table).csv"))
      #expect(x == y, "\(table).csv differs between --jobs 1 and 2")
    }
  }
}

/// A small RFC 4180 reader for checking what the writer produced.
enum CSVReader {
  static func parse(_ text: String) -> [[String: String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    chars.append("\n")
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" {
        row.append(field)
        field = ""
        if row != [""] { rows.append(row) }
        row = []
      } else {
        field.append(c)
      }
      i += 1
    }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
