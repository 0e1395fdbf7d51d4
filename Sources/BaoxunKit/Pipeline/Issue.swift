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
  public var url: URL
  /// The path relative to the folder given on the command line (the file's own path if given directly).
  public var display: String
  public var size: Int
  /// Why this entry, a folder, could not be listed: the batch reports it as a `read` row, so
  /// the issues inside are not lost without a word.
  public var listingError: String?

  public init(url: URL, display: String, size: Int, listingError: String? = nil) {
    self.url = url
    self.display = display
    self.size = size
    self.listingError = listingError
  }

  /// Every `*.txt` under the given paths, sorted, folders walked recursively.
  ///
  /// Inside a walked folder, hidden entries (`.git/`, macOS `._name.txt` resource forks) and
  /// folders whose name ends in `.txt` are left out, since none of them is an issue; a file
  /// named on the command line is always taken. A symbolic link that leads nowhere is kept, so
  /// that it becomes a row in `errors.csv` instead of vanishing from the count; so is a folder
  /// that cannot be listed (see `listingError`).
  public static func find(_ paths: [String]) throws(Diagnostic) -> [IssueFile] {
    var out: [IssueFile] = []
    let fm = FileManager.default
    for path in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        throw Diagnostic(
          code: "input.missing", at: nil,
          "'\(path)' does not exist: give a folder of issues or .txt files")
      }
      if !isDir.boolValue {
        out.append(IssueFile(url: URL(fileURLWithPath: path), display: path, size: size(path)))
        continue
      }
      let root = URL(fileURLWithPath: path).standardizedFileURL
      var found: [IssueFile] = []
      let walker = fm.enumerator(
        at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
      ) { url, error in
        let full = url.standardizedFileURL.path
        let rel = full.hasPrefix(root.path + "/") ? String(full.dropFirst(root.path.count + 1)) : full
        let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
        found.append(IssueFile(url: url, display: rel + "/", size: 0, listingError: reason))
        return true
      }
      while let url = walker?.nextObject() as? URL {
        guard url.pathExtension.lowercased() == "txt" else { continue }
        let full = url.standardizedFileURL.path
        var entryIsDir: ObjCBool = false
        if fm.fileExists(atPath: full, isDirectory: &entryIsDir), entryIsDir.boolValue { continue }
        let rel =
          full.hasPrefix(root.path + "/")
          ? String(full.dropFirst(root.path.count + 1)) : url.lastPathComponent
        found.append(IssueFile(url: url, display: rel, size: size(full)))
      }
      out += found.sorted { $0.display < $1.display }
    }
    return out
  }

  static func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
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
  public static func read(_ url: URL) throws(ReadError) -> [UInt8] {
    // O_NONBLOCK: a FIFO named `x.txt` must not hang the batch; regular files ignore it.
    let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw error(errno) }
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
