import Foundation
import Testing
import TestSupport

@testable import BaoxunKit

/// The record a supervised batch leaves after each file, and taking over a crashed run's outputs.
@Suite struct CheckpointTests {
  static let sample = Checkpoint(
    files: 42, failed: 1, warned: 2, listing: 0xdead_beef, tag: "123-456",
    sizes: ["officials.csv": 9_000, "errors.csv": 80], rows: [.officials: 300, .errors: 1], settings: 77)

  @Test func roundTrips() {
    #expect(Checkpoint(Self.sample.encoded) == Self.sample)
  }

  /// A shorter record written over a longer one leaves the old tail behind: it is not read.
  @Test func staleTailIsIgnored() {
    var longer = Self.sample
    longer.sizes["a-much-longer-output-name.csv"] = 123_456_789
    let bytes = Self.sample.encoded + longer.encoded.dropFirst(Self.sample.encoded.count)
    #expect(Checkpoint(bytes) == Self.sample)
  }

  @Test func damagedRecordIsRejected() {
    var bytes = Self.sample.encoded
    bytes[bytes.firstIndex(of: UInt8(ascii: "4"))!] = UInt8(ascii: "5")  // files 42 → 52
    #expect(Checkpoint(bytes) == nil)
    #expect(Checkpoint(Array(Self.sample.encoded.prefix(40))) == nil)
    #expect(Checkpoint([]) == nil)
  }

  /// Other rules or other options give other rows: such a run must not go on from them.
  @Test func fingerprintFollowsRulesAndOptions() throws {
    let rules = TestFolders.path("checkpoint-rules")
    try FileManager.default.copyItem(at: RepoPaths.rules, to: rules)
    let before = Checkpoint.fingerprint(arguments: ["baoxun", "run", "x"], rules: rules)
    #expect(Checkpoint.fingerprint(arguments: ["baoxun", "run", "x"], rules: rules) == before)
    #expect(Checkpoint.fingerprint(arguments: ["baoxun", "run", "x", "--no-bom"], rules: rules) != before)
    // Through a link to the folder, as `--rules` may be.
    let link = TestFolders.path("checkpoint-rules-link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: rules)
    #expect(Checkpoint.fingerprint(arguments: ["baoxun", "run", "x"], rules: link) == before)
    let lexicon = rules.appendingPathComponent("lexicons/surnames.txt")
    try (String(contentsOf: lexicon, encoding: .utf8) + "\n亓\n").write(to: lexicon, atomically: true, encoding: .utf8)
    #expect(Checkpoint.fingerprint(arguments: ["baoxun", "run", "x"], rules: rules) != before)
    #expect(Checkpoint.fingerprint(arguments: ["baoxun", "run", "x"], rules: link) != before)
  }

  @Test func listingMustBeginTheSame() {
    let files = ["a.txt", "b.txt", "c.txt"].map {
      IssueFile(url: URL(fileURLWithPath: "/x/" + $0), display: $0, size: 1)
    }
    let hash = files.prefix(2).reduce(Checkpoint.emptyListing) { Checkpoint.listing($0, adding: $1) }
    var c = Self.sample
    (c.files, c.listing) = (2, hash)
    #expect(c.begins(files))
    #expect(!c.begins(Array(files.reversed())))
    #expect(!c.begins(Array(files.prefix(1))))
    var grown = files
    grown[1].size = 2  // a file rewritten since: its rows are not these
    #expect(!c.begins(grown))
  }

  /// A sink that takes over cuts each output back to the checkpoint's length (rows written after
  /// it are dropped) and goes on writing; without every file at hand it starts afresh.
  @Test func sinkTakesOverAtTheCheckpoint() throws {
    let out = TestFolders.make("checkpoint-sink")
    let pipeline = Pipeline(book: try RuleBook.load(from: RepoPaths.rules))
    let records = pipeline.analyze(text: RepoPaths.seedText, issue: "seed.txt").records
    let first = try OutputSink(folder: out, format: .csv, bom: true)
    try first.write(records)
    let state = first.progress
    let checkpoint = Checkpoint(
      files: 1, failed: 0, warned: 0, listing: 1, tag: state.tag, sizes: state.sizes, rows: state.rows)
    try first.write(records)  // written after the checkpoint, then the process "crashed"
    let second = try OutputSink(folder: out, format: .csv, bom: true, resuming: checkpoint)
    #expect(second.resumed)
    #expect(second.rowCounts == state.rows)
    try second.write(records)
    try second.commit()
    let resumed = try Data(contentsOf: out.appendingPathComponent("officials.csv"))

    let straight = TestFolders.make("checkpoint-straight")
    let plain = try OutputSink(folder: straight, format: .csv, bom: true)
    try plain.write(records)
    try plain.write(records)
    try plain.commit()
    #expect(resumed == (try Data(contentsOf: straight.appendingPathComponent("officials.csv"))))

    var missing = checkpoint
    missing.tag = "999-1"
    let afresh = try OutputSink(folder: TestFolders.make("checkpoint-missing"), format: .csv, bom: true, resuming: missing)
    #expect(!afresh.resumed)
    #expect(afresh.rowCounts.isEmpty)
    afresh.abandon()
  }

  /// Temporary files are named after their owner (the supervisor when there is one), so a
  /// crashed child's files, kept for the next run, do not look stale to another run meanwhile;
  /// the owner's own sweep removes them.
  @Test func temporariesAreNamedAfterTheirOwner() throws {
    let out = TestFolders.make("checkpoint-owner")
    let owner = getppid()
    let sink = try OutputSink(folder: out, format: .jsonl, bom: true, owner: owner)
    #expect(sink.temporaryFiles.allSatisfy { $0.lastPathComponent.contains(".\(owner)-\(getpid())-") })
    OutputSink.removeStaleTemporaries(in: out)
    #expect(sink.temporaryFiles.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
    OutputSink.removeStaleTemporaries(in: out, keeping: sink.tag, ownedBy: owner)
    #expect(sink.temporaryFiles.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
    OutputSink.removeStaleTemporaries(in: out, ownedBy: owner)
    #expect(sink.temporaryFiles.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
    sink.abandon()
  }
}
