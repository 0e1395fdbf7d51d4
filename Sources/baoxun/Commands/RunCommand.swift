import ArgumentParser
import BaoxunKit
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Extract records from issue files and folders into CSV (or JSONL).")

  @Argument(help: "Issue files or folders (searched recursively for *.txt).")
  var paths: [String]

  @OptionGroup var rules: RulesOption

  @Option(name: .long, help: "Output folder.")
  var out: String = "out"

  @Option(name: .long, help: "Output format.")
  var format: OutputFormat = .csv

  @Option(name: .long, help: "Issue date YYYY-MM-DD for relative dates (default: from each file's path).")
  var date: String?

  @Option(name: .long, help: "Files processed in parallel (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "Write CSV without the UTF-8 byte-order mark.")
  var noBom = false

  @Flag(name: .long, help: "Run every rule on every sentence (to compare with the prefilter).")
  var noPrefilter = false

  @Flag(name: .long, help: "No progress and no summary on stderr.")
  var quiet = false

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() throws {
    let issueDate = try parseDate(date)
    let book = try rules.load()
    let files: [IssueFile]
    do {
      files = try IssueFile.find(paths)
    } catch {
      Terminal.error("error: \(error.message)")
      throw ExitCode(2)
    }
    let sink: OutputSink
    do {
      sink = try OutputSink(folder: URL(fileURLWithPath: out), format: format, bom: !noBom)
    } catch {
      Terminal.error("error: \(error.description)")
      throw ExitCode(2)
    }
    let batch = Batch(pipeline: Pipeline(book: book, usePrefilter: !noPrefilter), jobs: jobs, date: issueDate)
    let progress = Progress(enabled: !quiet && Terminal.stderrIsTTY)
    let summary = batch.run(files, into: sink) { done, total, bytes, totalBytes in
      progress.update(done: done, total: total, bytes: bytes, totalBytes: totalBytes)
    }
    progress.finish()
    do {
      try sink.commit()
    } catch {
      Terminal.error("error: \(error.description)")
      throw ExitCode(2)
    }
    if !quiet {
      let c = summary.counts
      let mb = Double(summary.bytes) / 1_000_000
      Terminal.error(String(format: "%d files (%.1f MB) in %.2fs: ", summary.files, mb, summary.seconds)
        + "\(c[.articles] ?? 0) articles, \(c[.officials] ?? 0) officials, \(c[.events] ?? 0) events, "
        + "\(c[.projects] ?? 0) projects, \(c[.amounts] ?? 0) amounts, \(c[.jobs] ?? 0) jobs; "
        + "\(summary.failedFiles) files failed → \(out)/")
    }
    if summary.failedFiles > 0 { throw ExitCode(1) }
  }
}

/// Files done, MB/s and time left on stderr, redrawn in place; only on a terminal.
final class Progress {
  let enabled: Bool
  let started = Date()
  var last = Date.distantPast

  init(enabled: Bool) { self.enabled = enabled }

  func update(done: Int, total: Int, bytes: Int, totalBytes: Int) {
    guard enabled, done == total || Date().timeIntervalSince(last) > 0.2 else { return }
    last = Date()
    let elapsed = max(Date().timeIntervalSince(started), 0.001)
    let rate = Double(bytes) / elapsed
    let left = rate > 0 ? Double(totalBytes - bytes) / rate : 0
    let line = String(format: "\r%d/%d files  %.1f MB/s  %.0fs left ", done, total, rate / 1_000_000, left)
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() {
    if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
