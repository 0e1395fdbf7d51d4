import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Output format of `run`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case csv, jsonl
}

/// Why output could not be written, said so the user can fix it.
public enum OutputError: Error, CustomStringConvertible, Equatable {
  /// Found before any work: the folder cannot be created or written, or a target is a folder.
  case notWritable(String, reason: String)
  /// Found during the run (disk full, disk gone): the run stops and earlier outputs stay.
  case writeFailed(String, reason: String)

  public var description: String {
    switch self {
    case .notWritable(let path, let reason):
      return "cannot write output to '\(path)': \(reason); choose another folder with --out"
    case .writeFailed(let path, let reason):
      return
        "cannot write '\(path)': \(reason); the run stopped and earlier outputs were left as they were"
    }
  }
}

/// Streams rows to temporary files in the output folder and renames them into place only when
/// the whole run is done, so an interrupted or failed run leaves the previous outputs intact.
///
/// A class with a lock, not a value: a signal handler on another thread may `abandon()` it while
/// the batch is writing, and must not tear a rename in `commit()` in half.
public final class OutputSink: @unchecked Sendable {
  struct Output {
    var temp: URL
    var final: URL
    var handle: FileHandle
  }

  let folder: URL
  let format: OutputFormat
  let bom: Bool
  let lock = NSLock()
  /// The folders this sink made, the output folder first and then the parents made for it, so
  /// abandoning a run leaves no empty folder behind (`--out new/deeper/out`).
  let createdFolders: [URL]
  var outputs: [String: Output] = [:]
  var counts: [Table: Int] = [:]
  /// Bytes written to each output so far, for the batch's checkpoint.
  var sizes: [String: UInt64] = [:]
  /// Names this run's temporary files (`.officials.csv.TAG.tmp`).
  public let tag: String
  /// True when this sink took over a crashed run's outputs at its checkpoint.
  public let resumed: Bool

  /// The file names a run in `format` writes.
  public static func names(for format: OutputFormat) -> [String] {
    format == .csv ? Table.allCases.map { "\($0.rawValue).csv" } : ["records.jsonl", "errors.csv"]
  }

  /// Creates the folder and the temporary files at once, so an unwritable place fails before any
  /// work. With a checkpoint it takes over the temporary files of the run that wrote it, cut
  /// back to the checkpoint's lengths (`resumed`); if they are not all there, it starts afresh.
  ///
  /// `owner` names the temporary files: a process that outlives this one (the supervisor) keeps
  /// them from looking stale to other runs, as a crashed run's files must not while they wait
  /// to be taken over.
  public init(
    folder: URL, format: OutputFormat, bom: Bool, resuming checkpoint: Checkpoint? = nil,
    owner: pid_t = getpid()
  ) throws(OutputError) {
    self.folder = folder
    self.format = format
    self.bom = bom
    let fm = FileManager.default
    var isDir: ObjCBool = false
    let existed = fm.fileExists(atPath: folder.path, isDirectory: &isDir)
    if existed && !isDir.boolValue {
      throw .notWritable(folder.path, reason: "it is a file, not a folder")
    }
    var missing: [URL] = []
    var up = folder.standardizedFileURL
    while !fm.fileExists(atPath: up.path), up.path != "/" {
      missing.append(up)
      up = up.deletingLastPathComponent()
    }
    createdFolders = missing
    do {
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .notWritable(folder.path, reason: "cannot create the folder (\(Self.reason(error)))")
    }
    Self.removeStaleTemporaries(in: folder, keeping: checkpoint?.tag)
    if let checkpoint, let taken = Self.takeOver(folder, Self.names(for: format), checkpoint) {
      (tag, resumed, outputs) = (checkpoint.tag, true, taken)
      (sizes, counts) = (checkpoint.sizes, checkpoint.rows)
      return
    }
    if let checkpoint {
      for name in Self.names(for: format) { unlink(Self.temporary(folder, name, checkpoint.tag).path) }
    }
    // OWNER-WRITER-RANDOM, or PID-RANDOM when this process is its own owner.
    let pids = owner == getpid() ? "\(owner)" : "\(owner)-\(getpid())"
    let tag = "\(pids)-\(UInt32.random(in: 0...UInt32.max))"
    (self.tag, resumed) = (tag, false)
    for name in Self.names(for: format) {
      let final = folder.appendingPathComponent(name)
      if fm.fileExists(atPath: final.path, isDirectory: &isDir), isDir.boolValue {
        abandon()
        throw .notWritable(final.path, reason: "a folder stands where the output file goes")
      }
      let temp = Self.temporary(folder, name, tag)
      guard fm.createFile(atPath: temp.path, contents: nil),
        let handle = try? FileHandle(forWritingTo: temp)
      else {
        let why = String(cString: strerror(errno))
        abandon()
        throw .notWritable(folder.path, reason: "cannot create a file there (\(why))")
      }
      outputs[name] = Output(temp: temp, final: final, handle: handle)
      var head: [UInt8] = []
      if name.hasSuffix(".csv") {
        if bom { head += CSVWriter.bom }
        CSVWriter.append(row: Table(rawValue: String(name.dropLast(4)))!.columns, to: &head)
      }
      do {
        try handle.write(contentsOf: head)
      } catch {
        abandon()
        throw .notWritable(folder.path, reason: Self.reason(error))
      }
      sizes[name] = UInt64(head.count)
    }
  }

  /// Where output `name` is written until the run commits: hidden, and named by the run's tag.
  static func temporary(_ folder: URL, _ name: String, _ tag: String) -> URL {
    folder.appendingPathComponent(".\(name).\(tag).tmp")
  }

  /// The checkpoint's temporary files, opened and cut back to its lengths; nil unless every one
  /// is there and at least that long.
  static func takeOver(_ folder: URL, _ names: [String], _ checkpoint: Checkpoint) -> [String: Output]? {
    var taken: [String: Output] = [:]
    for name in names {
      let temp = temporary(folder, name, checkpoint.tag)
      guard let size = checkpoint.sizes[name], let handle = try? FileHandle(forWritingTo: temp),
        (try? handle.seekToEnd()).map({ $0 >= size }) == true,
        (try? handle.truncate(atOffset: size)) != nil
      else {
        for (_, o) in taken { try? o.handle.close() }
        return nil
      }
      taken[name] = Output(temp: temp, final: folder.appendingPathComponent(name), handle: handle)
    }
    return taken
  }

  /// What a checkpoint records of this sink: its tag, each output's length and the rows per table.
  public var progress: (tag: String, sizes: [String: UInt64], rows: [Table: Int]) {
    lock.withLock { (tag, sizes, counts) }
  }

  static func reason(_ error: Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }

  /// Rows written so far, per table.
  public var rowCounts: [Table: Int] { lock.withLock { counts } }

  /// The temporary files being written, for tests that check none is left behind.
  public var temporaryFiles: [URL] {
    lock.withLock { outputs.values.map(\.temp).sorted { $0.path < $1.path } }
  }

  /// Appends one issue's rows; called in input order so output is the same for any --jobs.
  /// After `abandon()` it writes nothing, so a run being interrupted cannot recreate a file.
  public func write(_ records: IssueRecords) throws(OutputError) {
    var chunks: [String: [UInt8]] = [:]
    var added: [Table: Int] = [:]
    let tables = RowBuilder.rows(records)
    // In `Table` order, not the dictionary's, which changes from run to run: JSONL interleaves
    // the tables in one file, and two runs must give the same bytes.
    var jsonl: [UInt8] = []
    for table in Table.allCases {
      guard let rows = tables[table], !rows.isEmpty else { continue }
      added[table] = rows.count
      if format == .jsonl && table != .errors {
        for row in rows { JSONLWriter.append(row: row, table: table, to: &jsonl) }
      } else {
        // A local buffer per table: looking the file up for every row hashed its name each time.
        var csv: [UInt8] = []
        for row in rows { CSVWriter.append(row: row, to: &csv) }
        chunks["\(table.rawValue).csv"] = csv
      }
    }
    if !jsonl.isEmpty { chunks["records.jsonl"] = jsonl }
    lock.lock()
    defer { lock.unlock() }
    // Tables in a fixed order, so that a failure leaves the same files written on every run.
    for (name, bytes) in chunks.sorted(by: { $0.key < $1.key }) {
      guard let output = outputs[name] else { return }
      do {
        try output.handle.write(contentsOf: bytes)
      } catch {
        throw .writeFailed(output.temp.path, reason: Self.reason(error))
      }
      sizes[name, default: 0] += UInt64(bytes.count)
    }
    for (table, n) in added { counts[table, default: 0] += n }
  }

  /// Flushes every file to disk, then moves each into place. Flushing all of them first means
  /// that a full disk is found before any earlier output has been replaced.
  public func commit() throws(OutputError) {
    lock.lock()
    defer { lock.unlock() }
    let all = outputs.sorted { $0.key < $1.key }
    for (_, o) in all {
      do {
        try o.handle.synchronize()
        try o.handle.close()
      } catch {
        throw .writeFailed(o.temp.path, reason: Self.reason(error))
      }
    }
    for (name, o) in all {
      if rename(o.temp.path, o.final.path) != 0 {
        throw .writeFailed(o.final.path, reason: String(cString: strerror(errno)))
      }
      outputs[name] = nil
    }
  }

  /// Removes the temporary files (and the folders, if this run made them and they are empty), leaving
  /// earlier outputs as they were. Safe to call from any thread, more than once, and after `commit()`.
  /// - Returns: how many temporary files were removed; 0 when the run had already committed.
  @discardableResult
  public func abandon() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let removed = outputs.count
    for (_, o) in outputs {
      try? o.handle.close()
      unlink(o.temp.path)
    }
    outputs = [:]
    // Each fails, harmlessly, unless the folder is empty, and then so do its parents.
    for made in createdFolders {
      guard rmdir(made.path) == 0 else { break }
    }
    return removed
  }

  /// Deletes temporary files left by runs that died without cleaning up (killed, or crashed), so
  /// they do not pile up; files of a run still alive (another process) are left alone. `owner`
  /// (a supervisor whose batch child has ended) also removes its own, but for the tag `kept`.
  public static func removeStaleTemporaries(in folder: URL, keeping kept: String? = nil, ownedBy owner: pid_t? = nil) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return
    }
    let outputs = Set(OutputFormat.allCases.flatMap(names(for:)))
    for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
      // .<output>.<owner pid>[-<writer pid>]-<random>.tmp: stale once neither process lives,
      // so a supervisor killed while its batch commits does not expose the batch's files.
      let parts = name.dropFirst().dropLast(4).split(separator: ".")
      guard parts.count >= 3, let tag = parts.last,
        outputs.contains(parts.dropLast().joined(separator: "."))
      else { continue }
      let pids = tag.split(separator: "-").dropLast().compactMap { Int32($0) }
      guard !pids.isEmpty else { continue }
      let alive = pids.contains { $0 == getpid() || kill($0, 0) == 0 || errno != ESRCH }
      if !alive || pids.first == owner, String(tag) != kept {
        unlink(folder.appendingPathComponent(name).path)
      }
    }
  }
}
