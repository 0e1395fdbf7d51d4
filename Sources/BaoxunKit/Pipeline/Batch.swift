import Foundation

/// What a finished batch did, for the one-line summary and the exit code.
public struct BatchSummary: Sendable {
  public var files: Int
  public var bytes: Int
  public var failedFiles: Int
  public var counts: [Table: Int]
  public var seconds: Double
}

/// Progress as files finish, in input order: done, total, bytes done, total bytes.
public typealias BatchProgress = (_ done: Int, _ total: Int, _ bytes: Int, _ totalBytes: Int) -> Void

/// Processes many issues on several threads and writes their rows in input order, whatever the
/// number of threads; results wait in a small reassembly buffer, so memory stays flat.
public struct Batch {
  public var pipeline: Pipeline
  public var jobs: Int
  public var date: DateComponents?

  public init(pipeline: Pipeline, jobs: Int, date: DateComponents? = nil) {
    self.pipeline = pipeline
    self.jobs = max(1, jobs)
    self.date = date
  }

  public func run(_ files: [IssueFile], into sink: OutputSink, progress: BatchProgress? = nil) -> BatchSummary {
    let started = Date()
    let queue = Reassembly(count: files.count, window: jobs * 4)
    let pipeline = self.pipeline
    let date = self.date
    for _ in 0..<min(jobs, max(files.count, 1)) {
      let worker = Thread {
        let matcher = pipeline.makeMatcher()
        while let i = queue.take() {
          queue.put(i, pipeline.process(files[i], date: date, matcher: matcher))
        }
      }
      worker.stackSize = 8 << 20
      worker.start()
    }
    var failed = 0
    var bytes = 0
    let totalBytes = files.reduce(0) { $0 + $1.size }
    for i in 0..<files.count {
      let records = queue.wait(for: i)
      if records.errors.contains(where: { $0.stage == "read" || $0.stage == "decode" }) { failed += 1 }
      sink.write(records)
      bytes += files[i].size
      progress?(i + 1, files.count, bytes, totalBytes)
    }
    return BatchSummary(files: files.count, bytes: totalBytes, failedFiles: failed, counts: sink.counts,
      seconds: Date().timeIntervalSince(started))
  }
}

/// Hands out indices to workers, at most `window` ahead of the writer, and returns results in order.
final class Reassembly: @unchecked Sendable {
  let condition = NSCondition()
  let count: Int
  let window: Int
  var next = 0
  var written = 0
  var results: [Int: IssueRecords] = [:]

  init(count: Int, window: Int) {
    self.count = count
    self.window = window
  }

  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < count && next - written >= window { condition.wait() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }

  func put(_ i: Int, _ r: IssueRecords) {
    condition.lock()
    results[i] = r
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
}
