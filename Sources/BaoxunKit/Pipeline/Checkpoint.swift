import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How far a supervised batch had written when it died: the files whose rows are complete in
/// the temporary outputs, and each output's length then. After a crash the next run truncates
/// the outputs to those lengths and goes on from there, instead of processing every file again.
public struct Checkpoint: Equatable, Sendable {
  /// Files `0..<files` of the listing are written, in order.
  public var files: Int
  public var failed: Int
  public var warned: Int
  /// FNV-1a of the names and sizes of those files, one per line: the next run resumes only if
  /// its own listing begins with the same files.
  public var listing: UInt64
  /// The temporary outputs' tag (`.officials.csv.TAG.tmp`).
  public var tag: String
  /// What the rows were made with (`fingerprint`): a run with other rules or options must not
  /// go on from them.
  public var settings: UInt64
  /// Each output's length in bytes.
  public var sizes: [String: UInt64]
  public var rows: [Table: Int]

  public static let emptyListing: UInt64 = 0xcbf2_9ce4_8422_2325

  /// `listing` carried on over one more file: its name and size.
  public static func listing(_ hash: UInt64, adding file: IssueFile) -> UInt64 {
    listing(hash, adding: "\(file.display)\t\(file.size)")
  }

  /// A hash of the command line and of every file under `rules` (rule files and lexicons),
  /// following links as the rule loader does (`--rules` may be a link, and so may `lexicons/`).
  public static func fingerprint(arguments: [String], rules: URL) -> UInt64 {
    fingerprint(arguments: arguments.map { Array($0.utf8) }, rules: rules)
  }

  /// `fingerprint` of the arguments' own bytes (`RawArguments`): two GBK paths that decode
  /// alike are different runs.
  public static func fingerprint(arguments: [[UInt8]], rules: URL) -> UInt64 {
    var h = fnv1a(emptyListing, Array(arguments.joined(separator: [0])) + [10])
    let fm = FileManager.default
    func add(_ folder: URL, _ relative: String, depth: Int) {
      let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      for name in names {
        let url = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
        if isFolder.boolValue {
          if depth < 4 { add(url, relative + name + "/", depth: depth + 1) }
        } else if let data = fm.contents(atPath: url.path) {
          h = fnv1a(listing(h, adding: relative + name), data)
        }
      }
    }
    add(rules, "", depth: 0)
    return h
  }

  /// `listing` carried on over one more line of text.
  public static func listing(_ hash: UInt64, adding line: String) -> UInt64 {
    fnv1a(fnv1a(hash, line.utf8), CollectionOfOne(10))
  }

  /// FNV-1a carried on over `bytes`.
  static func fnv1a(_ hash: UInt64, _ bytes: some Sequence<UInt8>) -> UInt64 {
    var h = hash
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    return h
  }

  /// Whether `files` begins with the files this checkpoint counts, so their rows can be kept.
  public func begins(_ files: [IssueFile]) -> Bool {
    guard self.files <= files.count else { return false }
    return files[..<self.files].reduce(Self.emptyListing) { Self.listing($0, adding: $1) } == listing
  }

  /// One line per field, ending in a check line over everything before it, so a record cut
  /// short or left over from a longer one is never read as valid.
  public var encoded: [UInt8] {
    var text = "baoxun-checkpoint 1\nfiles \(files)\nfailed \(failed)\nwarned \(warned)\n"
    text += "listing \(listing)\ntag \(tag)\nsettings \(settings)\n"
    for (name, size) in sizes.sorted(by: { $0.key < $1.key }) { text += "size \(name) \(size)\n" }
    for table in Table.allCases where (rows[table] ?? 0) > 0 { text += "rows \(table.rawValue) \(rows[table]!)\n" }
    let body = Array(text.utf8)
    return body + Array("check \(Self.listing(Self.emptyListing, adding: text))\n".utf8)
  }

  public init(
    files: Int, failed: Int, warned: Int, listing: UInt64, tag: String, sizes: [String: UInt64],
    rows: [Table: Int], settings: UInt64 = 0
  ) {
    (self.files, self.failed, self.warned, self.listing) = (files, failed, warned, listing)
    (self.tag, self.sizes, self.rows, self.settings) = (tag, sizes, rows, settings)
  }

  /// Reads a record written by `encoded`; nil for anything else.
  public init?(_ bytes: [UInt8]) {
    guard let check = bytes.firstRange(of: Array("check ".utf8)) else { return nil }
    let text = String(decoding: bytes[..<check.lowerBound], as: UTF8.self)
    let rest = bytes[check.upperBound...].prefix { $0 != 10 }
    guard text.hasPrefix("baoxun-checkpoint 1\n"),
      String(decoding: rest, as: UTF8.self) == String(Self.listing(Self.emptyListing, adding: text))
    else { return nil }
    var fields: [String: String] = [:]
    var sizes: [String: UInt64] = [:]
    var rows: [Table: Int] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count >= 2 else { return nil }
      switch parts[0] {
      case "size": sizes[parts[1]] = parts.count == 3 ? UInt64(parts[2]) : nil
      case "rows":
        guard parts.count == 3, let table = Table(rawValue: parts[1]) else { return nil }
        rows[table] = Int(parts[2])
      default: fields[parts[0]] = parts[1]
      }
    }
    guard let files = fields["files"].flatMap(Int.init), let failed = fields["failed"].flatMap(Int.init),
      let warned = fields["warned"].flatMap(Int.init), let listing = fields["listing"].flatMap(UInt64.init),
      let tag = fields["tag"], let settings = fields["settings"].flatMap(UInt64.init)
    else { return nil }
    self.init(
      files: files, failed: failed, warned: warned, listing: listing, tag: tag, sizes: sizes, rows: rows,
      settings: settings)
  }
}

/// Where the batch child keeps its checkpoint: one file, rewritten whole with a single `pwrite`
/// after each issue's rows are written, so a crash on another thread finds it complete.
public final class CheckpointFile: @unchecked Sendable {
  private let fd: Int32
  /// Stamped on every record (`Checkpoint.settings`).
  private let settings: UInt64

  public init?(path: String, settings: UInt64) {
    self.settings = settings
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
  }

  deinit { close(fd) }

  func record(_ checkpoint: Checkpoint) {
    var checkpoint = checkpoint
    checkpoint.settings = settings
    let bytes = checkpoint.encoded
    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }
}
