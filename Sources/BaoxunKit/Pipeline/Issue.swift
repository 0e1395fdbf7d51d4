import Foundation

#if canImport(Glibc)
  import Glibc
  private let posixRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let posixRead = Darwin.read
#endif

/// An issue file to process: where it is and how it is named in the output.
public struct IssueFile: Sendable, Equatable {
  /// The file's path as text, absolute and standardized: for the issue date in its folders and
  /// for messages. Kept as text, not as a `URL`: a batch lists every file before it starts, and
  /// a hundred thousand `URL`s held that long were a third of its memory.
  public var path: String
  /// `path` as a file URL.
  public var url: URL { URL(fileURLWithPath: path) }
  /// The path relative to the folder given on the command line, behind that folder when several
  /// were given (the file's own path if given directly).
  public var display: String
  public var size: Int
  /// Why this entry, a folder, could not be listed: the batch reports it as a `read` row, so
  /// the issues inside are not lost without a word.
  public var listingError: String?
  /// The path's bytes as the file system has them, which `url` cannot hold when a name is not
  /// UTF-8 (GBK names from Windows archives).
  public var systemPath: [UInt8]

  public init(url: URL, display: String, size: Int, listingError: String? = nil) {
    self.path = url.path
    self.display = display
    self.size = size
    self.listingError = listingError
    self.systemPath = Array(url.path.utf8)
  }

  /// Every `*.txt` under the given paths, sorted, folders walked recursively.
  ///
  /// Inside a walked folder, hidden entries (`.git/`, macOS `._name.txt` resource forks) and
  /// folders whose name ends in `.txt` are left out, since none of them is an issue; a file
  /// named on the command line is always taken. Linked folders are followed, each folder once
  /// (a link back up the tree is not a loop), and a file reached twice is taken once. A symbolic
  /// link that leads nowhere is kept, so that it becomes a row in `errors.csv` instead of
  /// vanishing from the count; so is a folder that cannot be listed (see `listingError`).
  /// Finding no file at all is an error: a mistyped folder must not replace earlier outputs
  /// with empty ones.
  public static func find(_ paths: [String]) throws(Diagnostic) -> [IssueFile] {
    try find(bytes: paths.map { Array($0.utf8) })
  }

  /// `find` on paths given as bytes (`RawArguments`), which need not be UTF-8.
  public static func find(bytes paths: [[UInt8]]) throws(Diagnostic) -> [IssueFile] {
    var walk = IssueWalk()
    var given: [(bytes: [UInt8], info: stat)] = []
    for bytes in paths {
      var info = stat()
      guard IssueWalk.withCPath(bytes, { stat($0, &info) }) == 0 else {
        throw Diagnostic(
          code: "input.missing", at: nil,
          "'\(IssueWalk.text(bytes))' does not exist: give a folder of issues or .txt files")
      }
      given.append((bytes, info))
    }
    let folders = given.filter { $0.info.st_mode & S_IFMT == S_IFDIR }.count
    for (bytes, info) in given {
      if info.st_mode & S_IFMT != S_IFDIR {
        walk.add(file: bytes, info: info)
        continue
      }
      // Several folders: rows name the folder too, or 2023/09/21/p1.txt and 2024/09/21/p1.txt
      // given as `run 2023 2024` would both read 09/21/p1.txt.
      var prefix = bytes
      while prefix.count > 1, prefix.last == UInt8(ascii: "/") { prefix.removeLast() }
      walk.add(folder: bytes, info: info, prefix: folders > 1 && prefix != [UInt8(ascii: ".")] ? prefix : [])
    }
    guard !walk.files.isEmpty else {
      let list = paths.map { "'\(IssueWalk.text($0))'" }.joined(separator: ", ")
      throw Diagnostic(
        code: "input.empty", at: nil,
        "no issue files (*.txt) in \(list): nothing to do, and earlier outputs are left as they were")
    }
    return walk.files
  }
}

/// The `stage` column of `errors.csv`: where an issue went wrong, and whether that means the
/// file was not fully processed (exit code 1) or is only worth a look (`empty`).
public enum IssueStage: String, Sendable, CaseIterable {
  /// The file could not be read: it vanished, is a folder, or the disk failed.
  case read
  /// The bytes are binary, or neither UTF-8, UTF-16 with a BOM nor GB18030.
  case decode
  /// A rule gave up on a sentence (match limit): records of that rule may be missing.
  case match
  /// The file crashed baoxun: it was set aside and the batch run again without it (`Supervisor`).
  case crash
  /// A warning: the file was read but held no article (empty, only whitespace, or no text
  /// the segmenter recognises). Analysts see the file and its encoding here instead of nothing.
  case empty

  /// True when a row of this stage means the file was not fully processed.
  public var isFailure: Bool { self != .empty }

  /// Whether an `errors.csv` row counts as a failure; stages unknown to this enum do, to be safe.
  public static func isFailure(_ stage: String) -> Bool {
    IssueStage(rawValue: stage)?.isFailure ?? true
  }
}

/// Why an issue file could not be read, with what the user can do about it.
public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
  case vanished
  case notAFile
  case unlistedFolder(String)
  case system(String)

  public var description: String {
    switch self {
    case .vanished:
      return
        "no such file (moved or deleted after the folders were listed, or a link that leads nowhere): re-run once the folder is stable"
    case .notAFile:
      return
        "not a regular file (a folder or a device now stands at this path): remove it or rename it from .txt"
    case .unlistedFolder(let reason):
      return "cannot list this folder (\(reason)): the issues in it were not read"
    case .system(let reason):
      return "cannot read file: \(reason)"
    }
  }
}

/// Reads an issue file whole, with messages that say what happened to it.
public enum IssueReader {
  /// Reads with POSIX calls, which tell a vanished file from a folder from a failing disk.
  public static func read(_ file: IssueFile) throws(ReadError) -> [UInt8] {
    // O_NONBLOCK: a FIFO named `x.txt` must not hang the batch; regular files ignore it.
    let (fd, openError) = IssueWalk.withCPath(file.systemPath) {
      (open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK), errno)
    }
    guard fd >= 0 else { throw error(openError) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw error(errno) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw error(errno)
      }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<n])
    }
  }

  static func error(_ code: Int32) -> ReadError {
    switch code {
    case ENOENT, ENOTDIR, ELOOP: return .vanished
    case EISDIR: return .notAFile
    default: return .system(String(cString: strerror(code)))
    }
  }
}
