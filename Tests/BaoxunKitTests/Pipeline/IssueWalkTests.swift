import Foundation
import Testing
import TestSupport

@testable import BaoxunKit

/// Listing issue files the way archives arrive: behind links, with names in GBK, from several
/// folders at once.
@Suite struct IssueWalkTests {
  static let fm = FileManager.default

  /// real/a.txt, real/sub/b.txt, real/sub/up -> .. (a loop), and a link to real beside it.
  static func archive() throws -> (top: URL, real: URL, link: URL) {
    let top = TestFolders.make("walk")
    let real = top.appendingPathComponent("real")
    try fm.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try RepoPaths.seedText.write(to: real.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try RepoPaths.seedText.write(
      to: real.appendingPathComponent("sub/b.txt"), atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(atPath: real.appendingPathComponent("sub/up").path, withDestinationPath: "..")
    let link = top.appendingPathComponent("link")
    try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
    return (top, real, link)
  }

  @Test func linkedFolderIsFollowedAndLoopsAreWalkedOnce() throws {
    let (_, _, link) = try Self.archive()
    #expect(try IssueFile.find([link.path]).map(\.display) == ["a.txt", "sub/b.txt"])
  }

  @Test func linkedSubfolderIsFollowed() throws {
    let (top, real, _) = try Self.archive()
    let holder = top.appendingPathComponent("holder")
    try Self.fm.createDirectory(at: holder, withIntermediateDirectories: true)
    try Self.fm.createSymbolicLink(
      atPath: holder.appendingPathComponent("linked").path, withDestinationPath: real.path)
    #expect(try IssueFile.find([holder.path]).map(\.display) == ["linked/a.txt", "linked/sub/b.txt"])
  }

  /// Two folders with the same layout must not give rows that cannot be told apart, and a file
  /// reached twice is processed once.
  @Test func severalFoldersNameTheFolderAndTakeEachFileOnce() throws {
    let (_, real, link) = try Self.archive()
    let files = try IssueFile.find([real.path, link.path + "/", real.appendingPathComponent("a.txt").path])
    #expect(files.map(\.display) == [real.path + "/a.txt", real.path + "/sub/b.txt"])
  }

  /// A name in GBK (as Windows zips store Chinese names) is read, and shown decoded.
  @Test func gbkFileNameIsReadAndShownDecoded() throws {
    let (_, real, _) = try Self.archive()
    var path = Array(real.path.utf8) + Array("/".utf8)
    path += [0xB1, 0xA8, 0xD6, 0xBD] + Array(".txt".utf8)  // 报纸 in GBK
    let fd = IssueWalk.withCPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    try #require(fd >= 0)
    let bytes = Array(RepoPaths.seedText.utf8)
    #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count)
    close(fd)
    let files = try IssueFile.find([real.path])
    let gbk = try #require(files.first { $0.display == "报纸.txt" })
    let pipeline = Pipeline(book: try RuleBook.load(from: RepoPaths.rules))
    let records = pipeline.process(gbk, matcher: pipeline.makeMatcher())
    #expect(records.errors.isEmpty)
    #expect(records.articles.first?.provenance.issue == "报纸.txt")
    #expect(records.officials.count > 10)
  }

  /// Names that are neither UTF-8 nor GB18030 show their bad bytes as `\xNN`: with U+FFFD,
  /// a\xFF.txt and a\xFE.txt gave rows no analyst could tell apart.
  @Test func undecodableNamesShowTheirBytesAndStayApart() throws {
    let (_, real, _) = try Self.archive()
    for bad: UInt8 in [0xFF, 0xFE] {
      let path = Array(real.path.utf8) + Array("/a".utf8) + [bad] + Array(".txt".utf8)
      let fd = IssueWalk.withCPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
      try #require(fd >= 0)
      close(fd)
    }
    let shown = try IssueFile.find([real.path]).map(\.display)
    #expect(shown.contains("a\\xFE.txt") && shown.contains("a\\xFF.txt"))
    #expect(IssueWalk.text([0x41, 0xE6, 0x8A, 0xA5, 0xFF]) == "A报\\xFF")
  }

  /// A folder typed in a GBK terminal arrives as bytes that are not UTF-8, and different GBK
  /// names decode alike (报纸 and 市 both become U+FFFD pairs): the parser gets each marked with
  /// its own bytes, so every value keeps its place and its bytes.
  @Test func argumentsThatAreNotUTF8KeepTheirBytesThroughTheParser() throws {
    let raw: [[UInt8]] = [Array("baoxun".utf8), Array("run".utf8), [0xB1, 0xA8], Array("--out".utf8), [0xCA, 0xD0]]
    #expect(String(decoding: raw[2], as: UTF8.self) == String(decoding: raw[4], as: UTF8.self))
    let parsed = RawArguments.forParser(raw)
    #expect(parsed[1] == "run" && parsed[3] == "--out")
    #expect(parsed[2] != parsed[4])
    #expect(parsed.map(RawArguments.bytes) == raw)
    #expect(RawArguments.isBytes(parsed[2]) && !RawArguments.isBytes("报纸"))
    #expect(RawArguments.bytes("报纸") == Array("报纸".utf8))
  }

  /// The issue date is read from the folders whatever way the folder is written.
  @Test(arguments: ["/", "/.", "/./", "/../sub"])
  func folderWrittenAnyWayKeepsTheDateInItsPath(_ tail: String) throws {
    let top = TestFolders.make("walk-date")
    let day = top.appendingPathComponent("real/sub/2024/02/25")
    try Self.fm.createDirectory(at: day, withIntermediateDirectories: true)
    try RepoPaths.seedText.write(to: day.appendingPathComponent("p1.txt"), atomically: true, encoding: .utf8)
    let root = top.appendingPathComponent("real/sub").path + tail
    let file = try #require(try IssueFile.find([root]).first)
    #expect(file.display == "2024/02/25/p1.txt")
    #expect(DateResolver.issueDate(fromPath: file.url.path) == DateComponents(year: 2024, month: 2, day: 25))
  }

  /// Hard links are different issues (de-duplicators link identical pages of different days).
  @Test func hardLinkedPagesAreEachAnIssue() throws {
    let (_, real, _) = try Self.archive()
    try Self.fm.linkItem(at: real.appendingPathComponent("a.txt"), to: real.appendingPathComponent("c.txt"))
    #expect(try IssueFile.find([real.path]).map(\.display) == ["a.txt", "c.txt", "sub/b.txt"])
  }

  /// A link up the tree does not walk everything beside the folder given.
  @Test func linkToAParentIsNotWalked() throws {
    let (top, real, _) = try Self.archive()
    try "其他".write(to: top.appendingPathComponent("beside.txt"), atomically: true, encoding: .utf8)
    try Self.fm.createSymbolicLink(atPath: real.appendingPathComponent("top").path, withDestinationPath: top.path)
    #expect(try IssueFile.find([real.path]).map(\.display) == ["a.txt", "sub/b.txt"])
  }

  @Test func folderWithoutIssuesIsAnError() throws {
    let empty = TestFolders.make("walk-empty")
    try "not an issue".write(to: empty.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    #expect(throws: Diagnostic.self) { try IssueFile.find([empty.path]) }
    do {
      _ = try IssueFile.find([empty.path])
    } catch {
      #expect(error.code == "input.empty")
      #expect(error.message.contains("no issue files (*.txt) in '\(empty.path)'"))
    }
  }
}
