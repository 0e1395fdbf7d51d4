import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Lists issue files with POSIX calls on the paths' own bytes. Archives arrive as links
/// (`/data/paper -> /mnt/…`) and with file names in GBK from Windows zips; Foundation's walker
/// neither follows a linked folder nor opens a name that is not UTF-8.
struct IssueWalk {
  /// A file or folder by device and inode: what a link leads to, whatever path reached it.
  struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  private(set) var files: [IssueFile] = []
  /// Folders entered so far: a link back up the tree (a loop) or a second way into a folder is
  /// not walked again.
  private var folders = Set<FileID>()
  /// Files taken so far: one named twice (`run d d`, or a folder and a file inside it) is
  /// processed once, under the first name it was found by.
  private var taken = Set<FileID>()
  private let workingFolder: [UInt8]

  init() {
    workingFolder = FileManager.default.currentDirectoryPath.utf8.map { $0 }
  }

  /// Adds a file named on the command line, shown as given.
  mutating func add(file path: [UInt8], info: stat) {
    guard taken.insert(FileID(info)).inserted else { return }
    files.append(IssueFile(systemPath: absolute(path), display: Self.text(path), size: Int(info.st_size)))
  }

  /// Adds every `*.txt` under `root`, sorted, shown relative to `root` behind `prefix`.
  mutating func add(folder root: [UInt8], info: stat, prefix: [UInt8]) {
    var found: [IssueFile] = []
    walk(root, info: info, relative: prefix, into: &found)
    files += found.sorted { $0.display < $1.display }
  }

  private mutating func walk(_ folder: [UInt8], info: stat, relative: [UInt8], into found: inout [IssueFile]) {
    guard folders.insert(FileID(info)).inserted else { return }
    guard let dir = Self.withCPath(folder, { opendir($0) }) else {
      let shown = relative.isEmpty ? folder : relative
      found.append(IssueFile(
        systemPath: absolute(folder), display: Self.text(shown) + "/", size: 0,
        listingError: String(cString: strerror(errno))))
      return
    }
    var names: [[UInt8]] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      // Hidden entries (.git, macOS ._x.txt forks), and . and .., are never issues.
      if name.first != UInt8(ascii: ".") { names.append(name) }
    }
    closedir(dir)
    for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let path = folder + [UInt8(ascii: "/")] + name
      let shown = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
      var target = stat()
      guard Self.withCPath(path, { stat($0, &target) }) == 0 else {
        // A link that leads nowhere: kept, so that it is an `errors.csv` row, not a silent gap.
        if Self.isIssueName(name) {
          found.append(IssueFile(systemPath: absolute(path), display: Self.text(shown), size: 0))
        }
        continue
      }
      if target.st_mode & S_IFMT == S_IFDIR {
        walk(path, info: target, relative: shown, into: &found)
      } else if Self.isIssueName(name), taken.insert(FileID(target)).inserted {
        found.append(IssueFile(systemPath: absolute(path), display: Self.text(shown), size: Int(target.st_size)))
      }
    }
  }

  /// Calls `body` with `path` as the NUL-terminated string a system call takes.
  static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
    (path + [0]).withUnsafeBufferPointer { bytes in
      bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count, body)
    }
  }

  private func absolute(_ path: [UInt8]) -> [UInt8] {
    path.first == UInt8(ascii: "/") ? path : workingFolder + [UInt8(ascii: "/")] + path
  }

  static func isIssueName(_ name: [UInt8]) -> Bool {
    name.count > 4 && String(decoding: name.suffix(4), as: UTF8.self).lowercased() == ".txt"
  }

  /// A path as text: UTF-8 if it is, else GB18030 (names from Chinese Windows), else UTF-8 with
  /// the bad bytes replaced, so the row still says roughly which file it was.
  static func text(_ path: [UInt8]) -> String {
    if let s = String(validating: path, as: UTF8.self) { return s }
    if let s = try? Decoder.gb18030(path) { return s }
    return String(decoding: path, as: UTF8.self)
  }
}

extension IssueFile {
  init(systemPath: [UInt8], display: String, size: Int, listingError: String? = nil) {
    self.init(
      url: URL(fileURLWithPath: IssueWalk.text(systemPath)), display: display, size: size,
      listingError: listingError)
    self.systemPath = systemPath
  }
}
