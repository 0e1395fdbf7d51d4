import Foundation

/// Runs the pipeline over many issues on several threads and boils each issue's analysis down
/// to a small value, returned in input order: what `rules coverage` and `rules diff` need,
/// where `Batch` writes tables instead.
public struct IssueScan: Sendable {
  public var pipeline: Pipeline
  public var jobs: Int
  /// The issue date for relative dates; nil takes it from each file's path, as `run` does.
  public var date: DateComponents?

  public init(
    pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    date: DateComponents? = nil
  ) {
    self.pipeline = pipeline
    self.jobs = max(1, jobs)
    self.date = date
  }

  /// `reduce` sees each issue's analysis, or the error row when the file cannot be read or
  /// decoded; it runs on worker threads, so it must not touch shared state.
  public func map<T: Sendable>(
    _ files: [IssueFile],
    _ reduce: @escaping @Sendable (IssueFile, Result<IssueAnalysis, IssueScanError>) -> T
  ) -> [T] {
    let results = ScanResults<T>(count: files.count)
    let pipeline = self.pipeline
    let date = self.date
    let group = DispatchGroup()
    for _ in 0..<min(jobs, max(files.count, 1)) {
      group.enter()
      // Own threads with a large stack, as `Batch` uses: deep PCRE2 and segmenter recursion.
      let worker = Thread {
        let matcher = pipeline.makeMatcher()
        while let i = results.take() {
          results.put(
            i,
            reduce(
              files[i], Self.analyze(files[i], pipeline: pipeline, date: date, matcher: matcher)))
        }
        group.leave()
      }
      worker.stackSize = 8 << 20
      worker.start()
    }
    group.wait()
    return results.values()
  }

  static func analyze(
    _ file: IssueFile, pipeline: Pipeline, date: DateComponents?, matcher: Matcher
  ) -> Result<IssueAnalysis, IssueScanError> {
    // The same reading and decoding as `Pipeline.process`, so errors read as they do in `run`.
    let bytes: [UInt8]
    do {
      bytes = try IssueReader.read(file)
    } catch {
      return .failure(
        IssueScanError(
          record: ErrorRecord(
            issue: file.display, stage: IssueStage.read.rawValue,
            message: error.description)))
    }
    do {
      let decoded = try Decoder.decode(bytes)
      let issueDate = date ?? DateResolver.issueDate(fromPath: file.path)
      return .success(
        pipeline.analyze(
          text: decoded.text, issue: file.display,
          encoding: decoded.encoding.rawValue, date: issueDate, matcher: matcher))
    } catch {
      return .failure(
        IssueScanError(
          record: ErrorRecord(
            issue: file.display, stage: IssueStage.decode.rawValue,
            message: error.description)))
    }
  }
}

/// A file the scan could not analyze, as the `errors.csv` row `run` would write for it.
public struct IssueScanError: Error, Sendable {
  public var record: ErrorRecord
}

/// Hands out file indices to workers and keeps their results by index.
final class ScanResults<T: Sendable>: @unchecked Sendable {
  let lock = NSLock()
  var next = 0
  var slots: [T?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func take() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func put(_ i: Int, _ value: T) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  func values() -> [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
