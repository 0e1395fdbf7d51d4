import Foundation
import Testing

@testable import BaoxunKit
import TestSupport

/// The batch promise: every file on disk ends as rows or as an `errors.csv` row, the encoding a
/// file came in changes nothing but the `encoding` column, and outputs are only ever replaced whole.
/// Each test writes real files, since reading them is what can go wrong.
@Suite struct BatchRobustnessTests {
  static let pipeline = Pipeline(book: try! RuleBook.load(from: RepoPaths.rules))

  /// A fresh folder for one test.
  static func folder() -> URL {
    TestFolders.make("batch")
  }

  /// Writes `bytes` to a file and processes it as the batch would, under the name `display`.
  static func process(_ bytes: [UInt8], display: String = "issue.txt") throws -> IssueRecords {
    let url = folder().appendingPathComponent(display)
    try Data(bytes).write(to: url)
    let file = IssueFile(url: url, display: display, size: bytes.count)
    return pipeline.process(file, matcher: pipeline.makeMatcher())
  }

  /// Every table's rows, with the columns that may differ between twins taken out.
  static func rows(_ r: IssueRecords, dropping dropped: Set<String> = ["encoding"]) -> [Table:
    [[String]]]
  {
    Dictionary(
      uniqueKeysWithValues: RowBuilder.rows(r).map { table, rows in
        (
          table,
          rows.map { row in zip(table.columns, row).filter { !dropped.contains($0.0) }.map(\.1) }
        )
      })
  }

  static var seedBytes: [UInt8] { Array(RepoPaths.seedText.utf8) }

  // MARK: Files with nothing in them

  @Test func emptyFileIsAWarningWithNoArticles() throws {
    let r = try Self.process([])
    #expect(r.articles.isEmpty && r.recordCount == 0)
    #expect(r.errors.map(\.stage) == ["empty"])
    #expect(r.errors.first?.message == "empty file (0 bytes): nothing to extract")
    #expect(!IssueStage.isFailure("empty"))
  }

  @Test func whitespaceOnlyIsAWarningThatNamesTheEncoding() throws {
    let r = try Self.process(Array(" \r\n\t\n\u{3000}\n\n".utf8))
    #expect(r.articles.isEmpty)
    #expect(r.errors.map(\.stage) == ["empty"])
    #expect(r.errors.first?.message.contains("only whitespace") == true)
    #expect(r.errors.first?.message.contains("read as UTF-8") == true)
  }

  // MARK: Files that cannot be decoded

  @Test func binaryFileIsADecodeError() throws {
    let r = try Self.process([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    #expect(r.errors.map(\.stage) == ["decode"])
    #expect(r.errors.first?.message.contains("binary file (NUL byte at offset 8)") == true)
    #expect(IssueStage.isFailure("decode"))
  }

  /// `中` then 0xFF: UTF-8 fails at offset 3; as GB18030, `E4 B8` is a character and `AD FF` is
  /// not (offset 2). UTF-8 reads further, so the message blames damage at offset 3.
  @Test func bytesNeitherUTF8NorGB18030AreADecodeError() throws {
    let r = try Self.process([0xE4, 0xB8, 0xAD, 0xFF, 0x41])
    #expect(r.articles.isEmpty)
    #expect(r.errors.map(\.stage) == ["decode"])
    #expect(
      r.errors.first?.message.contains(
        "neither UTF-8 nor GB18030: UTF-8 up to a bad byte at offset 3 (GB18030 fails at 2)") == true)
  }

  // MARK: The same issue in other encodings and line ends

  @Test(arguments: ["GB18030", "UTF-16LE", "UTF-16BE"])
  func encodedTwinGivesTheSameRecords(_ encoding: String) throws {
    var bytes = try DecoderTests().iconv(RepoPaths.seedText, to: encoding)
    if encoding.hasPrefix("UTF-16") { bytes = bytes.withBOM(le: encoding.hasSuffix("LE")) }
    let twin = try Self.process(bytes)
    let base = try Self.process(Self.seedBytes)
    #expect(base.officials.count >= 18)
    #expect(twin.errors.isEmpty)
    #expect(Set(twin.articles.map(\.encoding)) == [encoding])
    #expect(Self.rows(twin) == Self.rows(base))
  }

  /// Offsets count CRLF as two scalars, so each shifts by the line ends before it; the text
  /// under every span is the same once the CRs are gone.
  @Test func crlfTwinGivesTheSameRecordsAtShiftedOffsets() throws {
    let lf = Array(RepoPaths.seedText.unicodeScalars)
    let crlfText = RepoPaths.seedText.replacingOccurrences(of: "\n", with: "\r\n")
    let crlf = Array(crlfText.unicodeScalars)
    let base = try Self.process(Self.seedBytes)
    let twin = try Self.process(Array(crlfText.utf8))
    #expect(
      Self.rows(twin, dropping: ["start", "end"]) == Self.rows(base, dropping: ["start", "end"]))
    var newlinesBefore = [0]
    for s in lf { newlinesBefore.append(newlinesBefore.last! + (s == "\n" ? 1 : 0)) }
    let before =
      base.amounts.map(\.provenance) + base.officials.map(\.provenance)
      + base.articles.map(\.provenance)
    let after =
      twin.amounts.map(\.provenance) + twin.officials.map(\.provenance)
      + twin.articles.map(\.provenance)
    #expect(before.count == after.count)
    let pairs = Array(zip(before, after))
    #expect(pairs.count > 20)
    for (a, b) in pairs {
      #expect(b.start == a.start + newlinesBefore[a.start])
      #expect(b.end == a.end + newlinesBefore[a.end])
      let under = String(String.UnicodeScalarView(crlf[b.start..<b.end])).replacingOccurrences(
        of: "\r", with: "")
      #expect(under == String(String.UnicodeScalarView(lf[a.start..<a.end])))
    }
  }

  // MARK: Files that change under the batch

  /// Between listing the folder and reading it, one file is deleted, one becomes a folder and
  /// one a link to nothing: each gets a `read` row, and the others are processed as usual.
  @Test func filesChangedAfterDiscoveryAreReadErrors() throws {
    let input = Self.folder()
    for name in ["a", "b", "c", "d", "e"] {
      try Data(Self.seedBytes).write(to: input.appendingPathComponent("\(name).txt"))
    }
    let files = try IssueFile.find([input.path])
    #expect(files.map(\.display) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"])
    let fm = FileManager.default
    try fm.removeItem(at: input.appendingPathComponent("b.txt"))
    try fm.removeItem(at: input.appendingPathComponent("c.txt"))
    try fm.createDirectory(
      at: input.appendingPathComponent("c.txt"), withIntermediateDirectories: false)
    try fm.removeItem(at: input.appendingPathComponent("d.txt"))
    try fm.createSymbolicLink(
      atPath: input.appendingPathComponent("d.txt").path, withDestinationPath: "/no/such/file")

    let out = Self.folder()
    let sink = try OutputSink(folder: out, format: .csv, bom: true)
    let summary = try Batch(pipeline: Self.pipeline, jobs: 2).run(files, into: sink)
    try sink.commit()
    #expect(summary.failedFiles == 3)
    let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
    #expect(
      errors.contains("b.txt,read,\"no such file (moved or deleted after the folders were listed"))
    #expect(errors.contains("c.txt,read,not a regular file"))
    #expect(errors.contains("d.txt,read,\"no such file"))
    let officials = try String(
      contentsOf: out.appendingPathComponent("officials.csv"), encoding: .utf8)
    #expect(officials.contains("\r\na.txt,") && officials.contains("\r\ne.txt,"))
  }

  /// Folders named `*.txt` and hidden entries are not issues; links to nowhere are kept so that
  /// they are reported.
  @Test func discoverySkipsFoldersAndHiddenEntries() throws {
    let input = Self.folder()
    let fm = FileManager.default
    try fm.createDirectory(
      at: input.appendingPathComponent("2024.txt/.git"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: input.appendingPathComponent("2024.txt/.git/HEAD.txt"))
    try Data("x".utf8).write(to: input.appendingPathComponent("2024.txt/p1.TXT"))
    try Data("x".utf8).write(to: input.appendingPathComponent("._p1.txt"))
    try Data("x".utf8).write(to: input.appendingPathComponent("notes.md"))
    try fm.createSymbolicLink(
      atPath: input.appendingPathComponent("gone.txt").path, withDestinationPath: "/no/such")
    #expect(try IssueFile.find([input.path]).map(\.display) == ["2024.txt/p1.TXT", "gone.txt"])
  }

  /// A folder the walk could not list (as chmod 000 does for a non-root user; root, which runs
  /// these tests, reads anything) reaches the batch as an entry that becomes a `read` row.
  @Test func folderThatCannotBeListedIsAReadError() {
    let folder = IssueFile(
      url: Self.folder(), display: "2024/05/", size: 0, listingError: "Permission denied")
    let r = Self.pipeline.process(folder, matcher: Self.pipeline.makeMatcher())
    #expect(r.errors.map(\.stage) == ["read"])
    #expect(
      r.errors.first?.message
        == "cannot list this folder (Permission denied): the issues in it were not read")
  }

  // MARK: Output that is replaced whole or not at all

  @Test func sameBytesWhateverTheNumberOfJobs() throws {
    let input = Self.folder()
    for i in 0..<9 {
      let bytes: [UInt8] = i % 3 == 1 ? [0x41, 0x00] : (i % 3 == 2 ? [] : Self.seedBytes)
      try Data(bytes).write(to: input.appendingPathComponent("\(i).txt"))
    }
    let files = try IssueFile.find([input.path])
    var outputs: [[String: Data]] = []
    for jobs in [1, 3, 16] {
      let out = Self.folder()
      let sink = try OutputSink(folder: out, format: .csv, bom: true)
      _ = try Batch(pipeline: Self.pipeline, jobs: jobs).run(files, into: sink)
      try sink.commit()
      outputs.append(
        try Dictionary(
          uniqueKeysWithValues: OutputSink.names(for: .csv).map {
            ($0, try Data(contentsOf: out.appendingPathComponent($0)))
          }))
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
  }

  /// An abandoned run (interrupted, or failed to write) removes its temporary files and leaves
  /// the earlier outputs byte for byte; writing after that is a no-op.
  @Test func abandonedRunLeavesEarlierOutputs() throws {
    let out = Self.folder()
    let first = try OutputSink(folder: out, format: .csv, bom: true)
    try first.write(try Self.process(Self.seedBytes))
    try first.commit()
    let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    let officials = try Data(contentsOf: out.appendingPathComponent("officials.csv"))

    let second = try OutputSink(folder: out, format: .csv, bom: false)
    #expect(second.temporaryFiles.count == 7)
    try second.write(try Self.process(Self.seedBytes, display: "other.txt"))
    #expect(second.abandon() == 7)
    try second.write(try Self.process(Self.seedBytes, display: "late.txt"))
    try second.commit()
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
    #expect(try Data(contentsOf: out.appendingPathComponent("officials.csv")) == officials)
  }

  /// The folders made for `--out new/deeper/out` go too; the folder that was there stays.
  @Test func abandoningAFirstRunRemovesTheFoldersItMade() throws {
    let base = Self.folder()
    let out = base.appendingPathComponent("new/deeper/out")
    let sink = try OutputSink(folder: out, format: .jsonl, bom: true)
    #expect(FileManager.default.fileExists(atPath: out.path))
    sink.abandon()
    #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("new").path))
    #expect(FileManager.default.fileExists(atPath: base.path))
  }

  @Test func temporariesOfDeadRunsAreSweptAndLiveOnesKept() throws {
    let out = Self.folder()
    let done = Process()
    done.executableURL = URL(fileURLWithPath: "/bin/true")
    try done.run()
    done.waitUntilExit()
    let dead = out.appendingPathComponent(".articles.csv.\(done.processIdentifier)-42.tmp")
    let alive = out.appendingPathComponent(".articles.csv.1-42.tmp")  // pid 1 always runs
    let other = out.appendingPathComponent(".notes.\(done.processIdentifier)-42.tmp")
    for url in [dead, alive, other] { try Data("x".utf8).write(to: url) }
    let sink = try OutputSink(folder: out, format: .csv, bom: true)
    sink.abandon()
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(left == [alive.lastPathComponent, other.lastPathComponent].sorted())
  }

  @Test func unwritablePlacesFailBeforeAnyWork() throws {
    let base = Self.folder()
    let file = base.appendingPathComponent("file")
    try Data("x".utf8).write(to: file)
    #expect(throws: OutputError.self) { try OutputSink(folder: file, format: .csv, bom: true) }
    #expect(throws: OutputError.self) {
      try OutputSink(folder: file.appendingPathComponent("sub"), format: .csv, bom: true)
    }
    let blocked = base.appendingPathComponent("blocked")
    try FileManager.default.createDirectory(
      at: blocked.appendingPathComponent("jobs.csv"), withIntermediateDirectories: true)
    do {
      _ = try OutputSink(folder: blocked, format: .csv, bom: true)
      Issue.record("a folder named jobs.csv should stop the run")
    } catch {
      #expect(error.description.contains("jobs.csv': a folder stands where the output file goes"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: blocked.path) == ["jobs.csv"])
  }

  @Test func jsonlHasOneTypedRecordPerLine() throws {
    let out = Self.folder()
    let sink = try OutputSink(folder: out, format: .jsonl, bom: true)
    try sink.write(try Self.process(Self.seedBytes))
    try sink.write(try Self.process([]))
    try sink.commit()
    let lines = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == sink.rowCounts.filter { $0.key != .errors }.values.reduce(0, +))
    var types: Set<String> = []
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      types.insert(object?["type"] as? String ?? "?")
    }
    #expect(types == ["article", "official", "event", "project", "amount", "job"])
    let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
    #expect(errors.contains("issue.txt,empty,"))
  }

  @Test func summaryLineCountsRecordsAndProblems() {
    let s = BatchSummary(
      files: 3, bytes: 2_500_000, failedFiles: 1, warnedFiles: 1,
      counts: [.articles: 4, .amounts: 2], seconds: 1.5)
    #expect(
      s.line
        == "3 files (2.5 MB) in 1.50s: 4 articles, 0 officials, 0 events, 0 projects, 2 amounts, 0 jobs; "
        + "1 file failed, 1 with no article (see errors.csv)")
  }
}
