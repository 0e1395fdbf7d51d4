import Foundation

/// Output format of `run`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case csv, jsonl
}

/// Why output could not be written, said so the user can fix it.
public enum OutputError: Error, CustomStringConvertible, Equatable {
  case notWritable(String, reason: String)

  public var description: String {
    switch self {
    case .notWritable(let path, let reason):
      return "cannot write output to '\(path)': \(reason); choose another folder with --out"
    }
  }
}

/// Streams rows to temporary files in the output folder and renames them into place only when
/// the whole run is done, so an interrupted run leaves the previous outputs intact.
public final class OutputSink {
  let folder: URL
  let format: OutputFormat
  let bom: Bool
  var handles: [String: (temp: URL, final: URL, handle: FileHandle)] = [:]
  public private(set) var counts: [Table: Int] = [:]

  /// Creates the folder and the temporary files at once, so an unwritable place fails before any work.
  public init(folder: URL, format: OutputFormat, bom: Bool) throws(OutputError) {
    self.folder = folder
    self.format = format
    self.bom = bom
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .notWritable(folder.path, reason: "cannot create the folder (\(Self.reason(error)))")
    }
    let names = format == .csv ? Table.allCases.map { "\($0.rawValue).csv" } : ["records.jsonl", "errors.csv"]
    let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    for name in names {
      let final = folder.appendingPathComponent(name)
      let temp = folder.appendingPathComponent(".\(name).\(tag).tmp")
      guard FileManager.default.createFile(atPath: temp.path, contents: nil),
        let handle = try? FileHandle(forWritingTo: temp)
      else {
        abandon()
        throw .notWritable(folder.path, reason: "permission denied or read-only")
      }
      handles[name] = (temp, final, handle)
      var head: [UInt8] = []
      if name.hasSuffix(".csv") {
        if bom { head += CSVWriter.bom }
        let table = Table(rawValue: String(name.dropLast(4)))!
        CSVWriter.append(row: table.columns, to: &head)
      }
      handle.write(Data(head))
    }
  }

  static func reason(_ error: Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }

  /// Appends one issue's rows; called in input order so output is the same for any --jobs.
  public func write(_ records: IssueRecords) {
    for (table, rows) in RowBuilder.rows(records) where !rows.isEmpty {
      counts[table, default: 0] += rows.count
      var bytes: [UInt8] = []
      let name: String
      if format == .jsonl && table != .errors {
        name = "records.jsonl"
        for row in rows { JSONLWriter.append(row: row, table: table, to: &bytes) }
      } else {
        name = "\(table.rawValue).csv"
        for row in rows { CSVWriter.append(row: row, to: &bytes) }
      }
      handles[name]?.handle.write(Data(bytes))
    }
  }

  /// Moves every finished file into place.
  public func commit() throws(OutputError) {
    for (_, h) in handles.sorted(by: { $0.key < $1.key }) {
      try? h.handle.synchronize()
      try? h.handle.close()
      if rename(h.temp.path, h.final.path) != 0 {
        throw .notWritable(h.final.path, reason: String(cString: strerror(errno)))
      }
    }
    handles = [:]
  }

  /// Removes the temporary files, leaving earlier outputs as they were.
  public func abandon() {
    for (_, h) in handles {
      try? h.handle.close()
      try? FileManager.default.removeItem(at: h.temp)
    }
    handles = [:]
  }
}
