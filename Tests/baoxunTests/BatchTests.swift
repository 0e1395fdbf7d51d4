import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `baoxun run` on real folders of awkward files, as a user runs it: what lands in the output
/// folder, on stderr, and in the exit code. Part of `CLITests`, so it shares its helpers and
/// runs one test at a time.
extension CLITests {
  static var seed: URL { root.appendingPathComponent("Corpus/issues/000_a0d1a62f7fd3dcd1.txt") }

  /// Encodes with the system's iconv, as an archive tool would have written the file.
  func iconv(_ file: URL, to encoding: String) throws -> Data {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", "UTF-8", "-t", encoding, file.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return data
  }

  func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  func snapshot(_ folder: URL) throws -> [String: Data] {
    try Dictionary(
      uniqueKeysWithValues: files(in: folder).map {
        ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
      })
  }

  @Test func emptyAndWhitespaceFilesAreWarningsNotFailures() throws {
    let input = tempDir()
    let out = tempDir()
    try FileManager.default.copyItem(at: Self.seed, to: input.appendingPathComponent("a.txt"))
    try Data().write(to: input.appendingPathComponent("b.txt"))
    try Data(" \r\n\u{3000}\n".utf8).write(to: input.appendingPathComponent("c.txt"))
    let r = try baoxun(["run", input.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let errors = try csv(out.appendingPathComponent("errors.csv"))
    #expect(errors.map { $0["issue"] } == ["b.txt", "c.txt"])
    #expect(errors.allSatisfy { $0["stage"] == "empty" })
    #expect(r.stderr.contains("b.txt: warning: empty file (0 bytes)"))
    #expect(r.stderr.contains("0 files failed, 2 with no article (see errors.csv)"))
    #expect(
      try csv(out.appendingPathComponent("articles.csv")).allSatisfy { $0["issue"] == "a.txt" })
  }

  /// The seed as GB18030, UTF-16 (both byte orders) and CRLF gives the same officials and
  /// amounts as the UTF-8 file, and `articles.csv` says how each was read.
  @Test func everyEncodingOfTheSeedGivesTheSameRecords() throws {
    let input = tempDir()
    let out = tempDir()
    let fm = FileManager.default
    try fm.copyItem(at: Self.seed, to: input.appendingPathComponent("utf8.txt"))
    try iconv(Self.seed, to: "GB18030").write(to: input.appendingPathComponent("gb18030.txt"))
    try (Data([0xFF, 0xFE]) + iconv(Self.seed, to: "UTF-16LE")).write(
      to: input.appendingPathComponent("utf16le.txt"))
    try (Data([0xFE, 0xFF]) + iconv(Self.seed, to: "UTF-16BE")).write(
      to: input.appendingPathComponent("utf16be.txt"))
    let crlf = try String(contentsOf: Self.seed, encoding: .utf8).replacingOccurrences(
      of: "\n", with: "\r\n")
    try Data(crlf.utf8).write(to: input.appendingPathComponent("crlf.txt"))
    let r = try baoxun(["run", input.path, "--out", out.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let articles = try csv(out.appendingPathComponent("articles.csv"))
    let encodings = Dictionary(
      articles.map { ($0["issue"]!, $0["encoding"]!) }, uniquingKeysWith: { a, _ in a })
    #expect(
      encodings == [
        "utf8.txt": "UTF-8", "gb18030.txt": "GB18030", "utf16le.txt": "UTF-16LE",
        "utf16be.txt": "UTF-16BE", "crlf.txt": "UTF-8",
      ])
    for table in ["officials", "amounts"] {
      let rows = try csv(out.appendingPathComponent("\(table).csv"))
      let base = rows.filter { $0["issue"] == "utf8.txt" }.map {
        [$0["name"], $0["titles"], $0["value"], $0["sentence"]]
      }
      #expect(base.count >= 2)
      for twin in ["gb18030.txt", "utf16le.txt", "utf16be.txt", "crlf.txt"] {
        let got = rows.filter { $0["issue"] == twin }.map {
          [$0["name"], $0["titles"], $0["value"], $0["sentence"]]
        }
        #expect(got == base, "\(table) of \(twin)")
      }
    }
  }

  /// Binary, undecodable and vanished files are error rows and exit 1; hidden files and
  /// folders named `*.txt` are not issues.
  @Test func brokenAndMissingFilesAreErrorRowsAndTheRestIsWritten() throws {
    let input = tempDir()
    let out = tempDir()
    let fm = FileManager.default
    try fm.copyItem(at: Self.seed, to: input.appendingPathComponent("a.txt"))
    try fm.createSymbolicLink(
      atPath: input.appendingPathComponent("gone.txt").path, withDestinationPath: "/no/such/file")
    try fm.createDirectory(
      at: input.appendingPathComponent("folder.txt"), withIntermediateDirectories: false)
    try Data([0x00, 0x01]).write(to: input.appendingPathComponent("._a.txt"))
    try Data([0xE4, 0xB8, 0xAD, 0xFF, 0x41]).write(to: input.appendingPathComponent("z.txt"))
    let r = try baoxun(["run", input.path, "--out", out.path, "--quiet"])
    #expect(r.status == 1)
    let errors = try csv(out.appendingPathComponent("errors.csv"))
    #expect(errors.map { "\($0["issue"]!) \($0["stage"]!)" } == ["gone.txt read", "z.txt decode"])
    #expect(r.stderr.contains("gone.txt: error: no such file"))
    #expect(r.stderr.contains("z.txt: error: neither UTF-8 nor GB18030"))
    #expect(!r.stderr.contains("files ("), "--quiet prints no summary")
    #expect(try csv(out.appendingPathComponent("officials.csv")).count >= 18)
  }

  @Test func outputThatCannotBeWrittenFailsBeforeAnyWork() throws {
    let base = tempDir()
    let file = base.appendingPathComponent("file")
    try Data("x".utf8).write(to: file)
    let started = Date()
    let asFile = try baoxun(["run", "Corpus", "--out", file.path])
    #expect(asFile.status == 2)
    #expect(
      asFile.stderr.contains("cannot write output to '\(file.path)': it is a file, not a folder"))
    let blocked = base.appendingPathComponent("blocked")
    try FileManager.default.createDirectory(
      at: blocked.appendingPathComponent("officials.csv"), withIntermediateDirectories: true)
    let asFolder = try baoxun(["run", "Corpus", "--out", blocked.path])
    #expect(asFolder.status == 2)
    #expect(asFolder.stderr.contains("officials.csv': a folder stands where the output file goes"))
    #expect(!asFolder.stderr.contains("files ("), "no file was processed")
    #expect(try files(in: blocked) == ["officials.csv"])
    #expect(Date().timeIntervalSince(started) < 30)
  }

  @Test func jsonlHoldsOneTypedRecordPerLineAndNoBomDropsTheMark() throws {
    let out = tempDir()
    let r = try baoxun([
      "run", Self.seed.path, "--out", out.path, "--format", "jsonl", "--no-bom", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try files(in: out) == ["errors.csv", "records.jsonl"])
    let lines = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8)
      .split(separator: "\n")
    let types = try lines.map { line -> String in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["type"] as? String ?? "?"
    }
    #expect(Set(types) == ["article", "official", "event", "project", "amount", "job"])
    let errors = try Data(contentsOf: out.appendingPathComponent("errors.csv"))
    #expect(errors == Data("issue,stage,message\r\n".utf8))
  }

  /// Two runs (each with its own hash seed) write the same JSONL bytes, for any `--jobs`.
  @Test func jsonlIsTheSameFromRunToRun() throws {
    let a = tempDir()
    let b = tempDir()
    let args = ["run", "Corpus/issues", "--format", "jsonl", "--quiet", "--out"]
    #expect(try baoxun(args + [a.path, "--jobs", "1"]).status == 0)
    #expect(try baoxun(args + [b.path, "--jobs", "2"]).status == 0)
    let x = try Data(contentsOf: a.appendingPathComponent("records.jsonl"))
    #expect(x.count > 10_000)
    #expect(x == (try Data(contentsOf: b.appendingPathComponent("records.jsonl"))))
  }

  /// Piped stderr gets no progress redraws, only the summary line.
  @Test func pipedStderrGetsTheSummaryButNoProgress() throws {
    let out = tempDir()
    let r = try baoxun(["run", Self.seed.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("\r") && !r.stderr.contains("\u{1B}["))
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(
      r.stderr.contains(" articles, ") && r.stderr.contains(" officials, ")
        && r.stderr.contains("0 files failed"))
  }

  /// A 10 MB issue with no line break at all is one paragraph: it must finish, in bounded
  /// memory. The figures allow for a debug build on a busy machine.
  @Test func tenMegabytesWithoutALineBreakFinish() throws {
    let input = tempDir()
    let out = tempDir()
    defer { try? FileManager.default.removeItem(at: input) }
    let line = try String(contentsOf: Self.seed, encoding: .utf8).replacingOccurrences(
      of: "\n", with: "")
    var text = ""
    while text.utf8.count < 10_000_000 { text += line }
    try Data(text.utf8).write(to: input.appendingPathComponent("one-line.txt"))
    let started = Date()
    let r = try baoxun(["run", input.path, "--out", out.path, "--quiet"])
    let seconds = Date().timeIntervalSince(started)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(seconds < 300, "took \(seconds)s")
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    // The largest child so far (in KiB); the other children of this test process are smaller.
    #expect(usage.ru_maxrss < 1_000_000, "max RSS \(usage.ru_maxrss) KiB")
    #expect(try csv(out.appendingPathComponent("articles.csv")).count >= 1)
  }

  /// Where a signal goes: the `baoxun` started, the child process that runs its batch, or the
  /// first worker thread of that child (as a crash in a stage raises it there).
  enum SignalTarget { case process, batch, worker }

  /// What a run over 600 copies of the seed left when `signal` reached it mid-run: the output
  /// folder before and after, how the process ended, and its stderr.
  func signalMidRun(
    _ signal: Int32, to target: SignalTarget = .process, extra: [String] = [], environment: [String: String] = [:],
    afterFilesWritten: Int? = nil, thenAfterFilesWritten: Int? = nil
  ) throws
    -> (
      input: URL, out: URL, before: [String: Data], after: [String: Data], process: Process, stderr: String,
      batch: Int32?
    )
  {
    let input = tempDir()
    let out = tempDir()
    defer { try? FileManager.default.removeItem(at: input) }
    #expect(
      try baoxun(["run", "Corpus/issues/2022-06-30.txt", "--out", out.path, "--quiet"]).status == 0)
    let before = try snapshot(out)
    for i in 0..<600 {
      try FileManager.default.copyItem(at: Self.seed, to: input.appendingPathComponent("issue-\(i).txt"))
    }
    let p = Process()
    p.executableURL = Self.binary
    p.arguments = ["run", input.path, "--out", out.path, "--jobs", "1"] + extra
    p.currentDirectoryURL = Self.root
    // The supervisor's folder, with the batch's checkpoint, goes under a temporary folder of our own.
    let supervisorTemp = tempDir()
    defer { try? FileManager.default.removeItem(at: supervisorTemp) }
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      .merging(afterFilesWritten == nil ? [:] : ["TMPDIR": supervisorTemp.path]) { $1 }
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(60)
    while try !files(in: out).contains(where: { $0.hasSuffix(".tmp") }) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    Thread.sleep(forTimeInterval: 0.5)
    // The checkpoint's `files N` line: how many files the batch has written.
    func written() -> Int {
      let folders = (try? FileManager.default.contentsOfDirectory(atPath: supervisorTemp.path)) ?? []
      for folder in folders {
        let text = (try? String(contentsOfFile: supervisorTemp.path + "/" + folder + "/checkpoint", encoding: .utf8)) ?? ""
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("files ") }) {
          return Int(line.dropFirst(6)) ?? 0
        }
      }
      return 0
    }
    while let least = afterFilesWritten, written() < least, p.isRunning, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(p.isRunning, "the run ended before the signal")
    let parent = p.processIdentifier
    // Found before the signal: the batch process outlives a killed `baoxun` for a moment.
    let batch = batchProcess(of: parent)
    switch target {
    case .process:
      kill(parent, signal)
    case .batch:
      kill(try #require(batch, "no batch process"), signal)
    case .worker:
      try crashWorker(of: try #require(batch, "no batch process"), signal)
      // A second crash, in the run that went on from the first one's checkpoint.
      if let again = thenAfterFilesWritten {
        var next: Int32?
        while next == nil || next == batch, p.isRunning, Date() < deadline {
          Thread.sleep(forTimeInterval: 0.02)
          next = batchProcess(of: parent)
        }
        let second = try #require(next, "no second batch process")
        while written() < again, p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(p.isRunning, "the run ended before the second signal")
        try crashWorker(of: second, signal)
      }
    }
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (input, out, before, try snapshot(out), p, stderr, batch)
  }

  /// Ctrl-C or `kill` in the middle of a run: the temporary files go, the previous outputs stay
  /// byte for byte, and the process dies of the signal so that shells see it was interrupted.
  @Test(arguments: [SIGINT, SIGTERM])
  func interruptedRunLeavesPreviousOutputsIntact(_ signal: Int32) throws {
    let r = try signalMidRun(signal)
    #expect(r.process.terminationReason == .uncaughtSignal && r.process.terminationStatus == signal, "\(r.stderr)")
    #expect(r.stderr.contains("interrupted (signal \(signal)): no output written"))
    #expect(r.after == r.before)
  }

  /// Sends `signal` to the first worker thread of batch process `child`, as a fault in it would.
  func crashWorker(of child: Int32, _ signal: Int32) throws {
    func findWorker() -> Int32? {
      let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/task")) ?? []
      return tasks.first {
        (try? String(contentsOfFile: "/proc/\(child)/task/\($0)/comm", encoding: .utf8)) == "baoxun-work-0\n"
      }.flatMap { Int32($0) }
    }
    var found = findWorker()
    let deadline = Date().addingTimeInterval(10)
    while found == nil && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      found = findWorker()
    }
    let worker = try #require(found, "no worker thread")
    // tgkill(2): a signal for one thread, as a fault in it raises; glibc exports it unprototyped.
    typealias ThreadKill = @convention(c) (Int32, Int32, Int32) -> Int32
    let tgkill = unsafeBitCast(try #require(dlsym(nil, "tgkill")), to: ThreadKill.self)
    #expect(tgkill(child, worker, signal) == 0)
  }

  /// The pid of the child process that runs the batch of the `baoxun run` with pid `parent`.
  func batchProcess(of parent: Int32) -> Int32? {
    let children = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)
    return children?.split(separator: " ").first.flatMap { Int32($0) }
  }

  /// A crash in a stage cannot be survived in the process, so the batch runs in a child that is
  /// started again without the file it crashed on: that file gets a `crash` row, every other
  /// file its records, and the exit code says a file failed. A real signal is sent to a worker
  /// thread, as a crashing stage raises it.
  @Test func crashedFileIsSetAsideAndTheBatchFinishes() throws {
    let r = try signalMidRun(
      SIGSEGV, to: .worker, extra: ["--quiet"], environment: ["SWIFT_BACKTRACE": "enable=no"], afterFilesWritten: 20)
    #expect(r.process.terminationReason == .exit && r.process.terminationStatus == 1, "\(r.stderr)")
    let named = r.stderr.range(of: "crashed (signal \(SIGSEGV)) while processing ")
      .map { String(r.stderr[$0.upperBound...].prefix { $0 != ":" }) } ?? ""
    #expect(named.hasPrefix(r.input.path) && named.hasSuffix(".txt"), "\(r.stderr)")
    let errors = try csv(r.out.appendingPathComponent("errors.csv"))
    #expect(errors.map { $0["stage"] } == ["crash"])
    let crashed = try #require(errors.first?["issue"])
    #expect(named.hasSuffix("/" + crashed))
    let issues = Set(try csv(r.out.appendingPathComponent("articles.csv")).compactMap { $0["issue"] })
    #expect(issues.count == 599 && !issues.contains(crashed))
    // The second run went on from the first one's checkpoint instead of starting again…
    let resumed = r.stderr.range(of: "going on after the ").map {
      Int(r.stderr[$0.upperBound...].prefix { $0.isNumber }) ?? 0
    }
    #expect((resumed ?? 0) >= 20, "\(r.stderr)")
    // …and wrote exactly what one clean run over the other 599 files writes.
    try expectCleanRun(r.after, without: [crashed])
  }

  /// Outputs `after` equal, but for `errors.csv`, those of one run over the 600 copies of the
  /// seed that `signalMidRun` makes, less the files named in `crashed`.
  func expectCleanRun(_ after: [String: Data], without crashed: [String]) throws {
    let clean = tempDir()
    let cleanOut = tempDir()
    defer { try? FileManager.default.removeItem(at: clean) }
    for i in 0..<600 where !crashed.contains("issue-\(i).txt") {
      try FileManager.default.copyItem(at: Self.seed, to: clean.appendingPathComponent("issue-\(i).txt"))
    }
    #expect(try baoxun(["run", clean.path, "--out", cleanOut.path, "--quiet"]).status == 0)
    var expected = try snapshot(cleanOut)
    var got = after
    expected["errors.csv"] = nil
    got["errors.csv"] = nil
    #expect(got == expected)
  }

  /// Two crashes: the second run goes on from the first one's checkpoint, the third from the
  /// second's, and the outputs are those of one clean run over the other 598 files.
  @Test func secondCrashGoesOnFromTheSecondRunsCheckpoint() throws {
    let r = try signalMidRun(
      SIGSEGV, to: .worker, extra: ["--quiet"], environment: ["SWIFT_BACKTRACE": "enable=no"],
      afterFilesWritten: 20, thenAfterFilesWritten: 120)
    #expect(r.process.terminationReason == .exit && r.process.terminationStatus == 1, "\(r.stderr)")
    let points = r.stderr.components(separatedBy: "going on after the ").dropFirst().map {
      Int($0.prefix { $0.isNumber }) ?? 0
    }
    #expect(points.count == 2 && points[0] >= 20 && points[1] >= 120, "\(r.stderr)")
    #expect(!r.stderr.contains("starting over"), "\(r.stderr)")
    let crashed = try csv(r.out.appendingPathComponent("errors.csv")).filter { $0["stage"] == "crash" }
      .compactMap { $0["issue"] }
    #expect(crashed.count == 2)
    try expectCleanRun(r.after, without: crashed)
    #expect(try files(in: r.out).allSatisfy { !$0.hasSuffix(".tmp") })
  }

  /// A batch process killed outright (`kill -9`, the out-of-memory killer) cannot clean up
  /// after itself: the process that started it deletes its temporary files, so the previous
  /// outputs are left exactly as they were, and ends the same way.
  @Test func killedBatchProcessLeavesPreviousOutputsIntact() throws {
    let r = try signalMidRun(SIGKILL, to: .batch, extra: ["--quiet"])
    #expect(r.process.terminationReason == .uncaughtSignal && r.process.terminationStatus == SIGKILL, "\(r.stderr)")
    #expect(r.after == r.before)
  }

  /// The supervising process killed outright: its child notices, deletes its temporary files
  /// and stops without replacing anything, so the previous outputs stay as they were.
  @Test func killedSupervisorLeavesPreviousOutputsIntact() throws {
    let r = try signalMidRun(SIGKILL, to: .process, extra: ["--quiet"])
    let child = try #require(r.batch)
    // Gone, or a zombie waiting for whichever process adopted it to reap it.
    func running() -> Bool {
      guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      return !stat[close...].hasPrefix(") Z")
    }
    let deadline = Date().addingTimeInterval(20)
    while running(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    #expect(!running(), "the batch process outlived its supervisor")
    #expect(try snapshot(r.out) == r.before)
  }

  /// Without a writable temporary folder there is nowhere for the crash report: the batch runs
  /// unsupervised, with a warning, and writes the same outputs.
  @Test func runsUnsupervisedWithoutATemporaryFolder() throws {
    let (a, b) = (tempDir(), tempDir())
    let plain = try baoxun(["run", Self.seed.path, "--out", a.path, "--quiet"])
    let bare = try baoxun(["run", Self.seed.path, "--out", b.path], environment: ["TMPDIR": "/proc"])
    #expect(plain.status == 0 && bare.status == 0, "\(bare.stderr)")
    #expect(bare.stderr.contains("warning: no temporary folder for the crash report"))
    #expect(try snapshot(a) == snapshot(b))
  }
}
