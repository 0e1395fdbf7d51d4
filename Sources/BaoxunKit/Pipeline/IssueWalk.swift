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

  /// A file by the folder it is listed in and its name there. Not by its own inode: archive
  /// de-duplicators hard-link identical pages of different days, and each is an issue.
  struct EntryID: Hashable {
    var folder: FileID
    var name: [UInt8]
  }

  private(set) var files: [IssueFile] = []
  /// Folders entered so far: a link back up the tree (a loop) or a second way into a folder is
  /// not walked again.
  private var folders = Set<FileID>()
  /// Files taken so far: one named twice (`run d d`, or a folder and a file inside it) is
  /// processed once, under the first name it was found by.
  private var taken = Set<EntryID>()
  /// The folders above the root being walked.
  private var ancestors = Set<FileID>()

  /// Adds a file named on the command line, shown as given.
  mutating func add(file path: [UInt8], info: stat) {
    let slash = path.lastIndex(of: UInt8(ascii: "/"))
    let parent = slash.map { $0 == 0 ? [UInt8(ascii: "/")] : Array(path[..<$0]) } ?? [UInt8(ascii: ".")]
    var folder = stat()
    if Self.withCPath(parent, { stat($0, &folder) }) == 0 {
      let name = slash.map { Array(path[($0 + 1)...]) } ?? path
      guard taken.insert(EntryID(folder: FileID(folder), name: name)).inserted else { return }
    }
    files.append(IssueFile(systemPath: path, display: Self.text(path), size: Int(info.st_size)))
  }

  /// Adds every `*.txt` under `root`, sorted, shown relative to `root` behind `prefix`.
  mutating func add(folder root: [UInt8], info: stat, prefix: [UInt8]) {
    var found: [IssueFile] = []
    var root = root
    // `paper/2024/` must not become paper/2024//25/p1.txt, which no issue date is read from.
    while root.count > 1, root.last == UInt8(ascii: "/") { root.removeLast() }
    // A link up the tree (a/up -> ..) would otherwise walk everything beside the folder given.
    var above = Set<FileID>()
    var up = root + Array("/..".utf8)
    var parent = stat()
    while Self.withCPath(up, { stat($0, &parent) }) == 0, above.insert(FileID(parent)).inserted {
      up += Array("/..".utf8)
    }
    ancestors = above
    walk(root, info: info, relative: prefix, into: &found)
    files += found.sorted { $0.display < $1.display }
  }

  private mutating func walk(_ folder: [UInt8], info: stat, relative: [UInt8], into found: inout [IssueFile]) {
    let id = FileID(info)
    guard !ancestors.contains(id), folders.insert(id).inserted else { return }
    func unlisted(_ code: Int32) {
      let shown = relative.isEmpty ? folder : relative
      found.append(IssueFile(
        systemPath: folder, display: Self.text(shown) + "/", size: 0,
        listingError: String(cString: strerror(code))))
    }
    // errno is read inside the call's closure, before anything else can change it.
    let (opened, openError) = Self.withCPath(folder) { (opendir($0), errno) }
    guard let dir = opened else { return unlisted(openError) }
    var names: [[UInt8]] = []
    var listError: Int32 = 0
    while true {
      errno = 0
      guard let entry = readdir(dir) else {
        listError = errno
        break
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      // Hidden entries (.git, macOS ._x.txt forks), and . and .., are never issues.
      if name.first != UInt8(ascii: ".") { names.append(name) }
    }
    closedir(dir)
    if listError != 0 { unlisted(listError) }
    var unsearchable: Int32 = 0
    for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let path = folder + [UInt8(ascii: "/")] + name
      let shown = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
      var target = stat()
      let (status, statError) = Self.withCPath(path) { (stat($0, &target), errno) }
      guard status == 0 else {
        if Self.isIssueName(name) {
          // A link that leads nowhere, or a file that cannot be looked at: kept, so that it is
          // an `errors.csv` row, not a silent gap.
          found.append(IssueFile(systemPath: path, display: Self.text(shown), size: 0))
        } else if statError != ENOENT && statError != ELOOP {
          unsearchable = statError  // a folder readable but not searchable: say so once
        }
        continue
      }
      if target.st_mode & S_IFMT == S_IFDIR {
        walk(path, info: target, relative: shown, into: &found)
      } else if Self.isIssueName(name), taken.insert(EntryID(folder: id, name: name)).inserted {
        found.append(IssueFile(systemPath: path, display: Self.text(shown), size: Int(target.st_size)))
      }
    }
    if unsearchable != 0 { unlisted(unsearchable) }
  }

  /// Calls `body` with `path` as the NUL-terminated string a system call takes.
  static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
    (path + [0]).withUnsafeBufferPointer { bytes in
      bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count, body)
    }
  }

  static func isIssueName(_ name: [UInt8]) -> Bool {
    name.count > 4 && String(decoding: name.suffix(4), as: UTF8.self).lowercased() == ".txt"
  }

  /// A path as text: UTF-8 if it is, else GB18030 (names from Chinese Windows), else UTF-8 with
  /// each bad byte written `\xNN`. Not U+FFFD: two names differing only in their bad bytes
  /// would look alike in the rows, and an analyst could not tell which file a row came from.
  static func text(_ path: [UInt8]) -> String {
    if let s = String(validating: path, as: UTF8.self) { return s }
    if let s = try? Decoder.gb18030(path) { return s }
    var shown = ""
    var i = 0
    next: while i < path.count {
      for n in 1...min(4, path.count - i) {
        if let s = String(validating: path[i..<(i + n)], as: UTF8.self) {
          shown += s
          i += n
          continue next
        }
      }
      shown += "\\x" + RawArguments.hex(path[i], uppercase: true)
      i += 1
    }
    return shown
  }
}

extension IssueFile {
  /// A file named by its bytes (`RawArguments`), shown as rows show it; not yet looked at.
  public static func named(_ path: [UInt8]) -> IssueFile {
    IssueFile(systemPath: path, display: IssueWalk.text(path), size: 0)
  }

  /// `systemPath` as given (relative paths stay relative, so a working folder with a GBK name
  /// still works); `url` absolute and tidied (`./`, `..`), for the issue date in its folders.
  init(systemPath: [UInt8], display: String, size: Int, listingError: String? = nil) {
    self.init(
      url: URL(fileURLWithPath: IssueWalk.text(systemPath)).standardizedFileURL, display: display,
      size: size, listingError: listingError)
    self.systemPath = systemPath
  }
}
