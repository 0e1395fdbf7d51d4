import Foundation

/// What a finished batch did, for the one-line summary and the exit code.
public struct BatchSummary: Sendable {
  public var files: Int
  public var bytes: Int
  /// Files with at least one failure row in `errors.csv` (read, decode, or a rule that gave up).
  public var failedFiles: Int
  /// Files that only got a warning row: no article in them (empty, only whitespace…).
  public var warnedFiles: Int
  public var counts: [Table: Int]
  public var seconds: Double

  /// The summary for stderr, e.g. `17 files (0.5 MB) in 1.20s: 120 articles, 80 officials, …;
  /// 1 file failed, 2 with no article (see errors.csv)`.
  public var line: String {
    let mb = String(format: "%.1f", Double(bytes) / 1_000_000)
    let time = String(format: "%.2f", seconds)
    let records = Table.allCases.filter { $0 != .errors }.map {
      "\(counts[$0] ?? 0) \($0.rawValue)"
    }
    var problems = "\(failedFiles) \(failedFiles == 1 ? "file" : "files") failed"
    if warnedFiles > 0 { problems += ", \(warnedFiles) with no article" }
    if failedFiles + warnedFiles > 0 { problems += " (see errors.csv)" }
    return "\(files) files (\(mb) MB) in \(time)s: " + records.joined(separator: ", ") + "; "
      + problems
  }
}

/// One file finished and written, reported in input order for the progress line and for the
/// one stderr line each problem deserves.
public struct BatchProgress: Sendable {
  public var done: Int
  public var total: Int
  public var bytes: Int
  public var totalBytes: Int
  /// Bytes of the files a crashed run had already written (see `Checkpoint`): counted as done,
  /// but not read by this run, so not part of its speed.
  public var resumedBytes: Int = 0
  /// The `errors.csv` rows of the file just written, failures and warnings.
  public var problems: [ErrorRecord]
}

/// Processes many issues on several threads and writes their rows in input order, whatever the
/// number of threads; results wait in a small reassembly buffer, so memory stays flat however
/// large the corpus: at most `4 × jobs` issues are held at once.
public struct Batch: Sendable {
  public var pipeline: Pipeline
  public var jobs: Int
  public var date: DateComponents?
  /// Files not to process, by full path, with their `errors.csv` message: the files an earlier
  /// run of this batch crashed on (`Supervisor.setAside()`).
  public var setAside: [String: String]

  public init(pipeline: Pipeline, jobs: Int, date: DateComponents? = nil, setAside: [String: String] = [:]) {
    self.pipeline = pipeline
    // One crash slot per worker (`InFlight`): more threads could crash without naming their file.
    self.jobs = min(max(1, jobs), InFlight.slots)
    self.date = date
    self.setAside = setAside
  }

  /// Runs every file and writes its rows to `sink` as soon as all earlier files are written.
  /// A file that fails is a row in `errors.csv`, never a thrown error; only failing to write
  /// the output stops the batch, because going on would lose every later row.
  ///
  /// With `resume` (a sink that took over a crashed run's outputs) the files the checkpoint
  /// counts are not processed again. With `recorder` a checkpoint is written after every file,
  /// and a crash leaves the temporary outputs for the supervisor's next run to take over.
  public func run(
    _ files: [IssueFile], into sink: OutputSink, resume: Checkpoint? = nil,
    recorder: CheckpointFile? = nil, progress: ((BatchProgress) -> Void)? = nil
  ) throws(OutputError) -> BatchSummary {
    let started = Date()
    let start = resume?.files ?? 0
    let queue = Reassembly(count: files.count, window: jobs * 4, start: start)
    // Workers are stopped however this function ends, so none outlives a failed write.
    defer { queue.cancel() }
    let pipeline = self.pipeline
    let date = self.date
    let setAside = self.setAside
    // Going on from a checkpoint, say so at once: a crash before the first file is written must
    // leave that checkpoint, not an empty one, for the next run.
    if let recorder, let resume { recorder.record(resume) }
    InFlight.install()
    if recorder == nil { InFlight.removeOnCrash(sink.temporaryFiles) }
    defer { InFlight.removeOnCrash([]) }
    for slot in 0..<min(jobs, files.count - start) {
      let worker = Thread {
        // Named for the system (`top -H`, backtraces), so a worker can be told apart.
        InFlight.nameThread("baoxun-work-\(slot)")
        let matcher = pipeline.makeMatcher(keepingLosses: false)
        InFlight.withSignalStack {
          while let i = queue.take() {
            if let message = setAside[files[i].path] {
              queue.put(i, .problem(files[i], .crash, message))
              continue
            }
            InFlight.begin(slot, files[i].path)
            let records = pipeline.process(files[i], date: date, matcher: matcher)
            // Before the hand-over: once the writer has the rows, the checkpoint may count the
            // file as written, and a crash must not then set it aside as unprocessed.
            InFlight.end(slot)
            queue.put(i, records)
          }
        }
      }
      worker.stackSize = 8 << 20
      worker.start()
    }
    var failed = resume?.failed ?? 0
    var warned = resume?.warned ?? 0
    var listing = resume?.listing ?? Checkpoint.emptyListing
    let resumedBytes = files[..<start].reduce(0) { $0 + $1.size }
    var bytes = resumedBytes
    let totalBytes = files.reduce(0) { $0 + $1.size }
    for i in start..<files.count {
      let records = queue.wait(for: i)
      if records.errors.contains(where: { IssueStage.isFailure($0.stage) }) {
        failed += 1
      } else if !records.errors.isEmpty {
        warned += 1
      }
      try sink.write(records)
      if let recorder {
        listing = Checkpoint.listing(listing, adding: files[i])
        let state = sink.progress
        recorder.record(Checkpoint(
          files: i + 1, failed: failed, warned: warned, listing: listing, tag: state.tag,
          sizes: state.sizes, rows: state.rows))
      }
      bytes += files[i].size
      progress?(
        BatchProgress(
          done: i + 1, total: files.count, bytes: bytes, totalBytes: totalBytes,
          resumedBytes: resumedBytes, problems: records.errors))
    }
    return BatchSummary(
      files: files.count, bytes: totalBytes, failedFiles: failed, warnedFiles: warned,
      counts: sink.rowCounts, seconds: Date().timeIntervalSince(started))
  }
}

/// Hands out indices to workers, at most `window` ahead of the writer, and returns results in
/// order. A class because the workers and the writer share it; every field is guarded by `condition`.
final class Reassembly: @unchecked Sendable {
  let condition = NSCondition()
  let count: Int
  let window: Int
  var next = 0
  var written = 0
  var cancelled = false
  var results: [Int: IssueRecords] = [:]

  init(count: Int, window: Int, start: Int = 0) {
    self.count = count
    self.window = window
    (next, written) = (start, start)
  }

  /// The next index to process, or nil when all are handed out or the run was cancelled.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled && next < count && next - written >= window { condition.wait() }
    guard !cancelled, next < count else { return nil }
    next += 1
    return next - 1
  }

  func put(_ i: Int, _ r: IssueRecords) {
    condition.lock()
    if !cancelled { results[i] = r }
    condition.broadcast()
    condition.unlock()
  }

  func wait(for i: Int) -> IssueRecords {
    condition.lock()
    defer { condition.unlock() }
    while results[i] == nil { condition.wait() }
    written = i + 1
    condition.broadcast()
    return results.removeValue(forKey: i)!
  }

  /// Stops handing out work; workers finish the file in hand and exit.
  func cancel() {
    condition.lock()
    cancelled = true
    results = [:]
    condition.broadcast()
    condition.unlock()
  }
}
