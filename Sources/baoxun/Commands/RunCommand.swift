import ArgumentParser
import BaoxunKit
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Extract records from issue files and folders into CSV (or JSONL).")

  @Argument(help: "Issue files or folders (searched recursively for *.txt).")
  var paths: [String]

  @OptionGroup var rules: RulesOption

  @Option(name: .long, help: "Output folder; earlier outputs are replaced only by a complete run.")
  var out: String = "out"

  @Option(
    name: .long, help: "csv: a file per record type; jsonl: records.jsonl, one typed record a line."
  )
  var format: OutputFormat = .csv

  @Option(
    name: .long, help: "Issue date YYYY-MM-DD for relative dates (default: from each file's path).")
  var date: String?

  @Option(name: .long, help: "Files processed in parallel (default: all cores; at most 64).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "Write CSV without the UTF-8 byte-order mark.")
  var noBom = false

  @Flag(name: .long, help: "Run every rule on every sentence (to compare with the prefilter).")
  var noPrefilter = false

  @Flag(name: .long, help: "No progress, summary or warnings on stderr; errors are still shown.")
  var quiet = false

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    try requireText(out, "--out")
  }

  /// The batch runs in a child process that this one starts again without any file it crashed
  /// on (`Supervisor`); this process only passes on signals and the child's exit status.
  func run() throws {
    supervise: if !Supervisor.isChild {
      // /proc/self/exe is this very binary even if the file is rebuilt or deleted meanwhile.
      let executable = FileManager.default.fileExists(atPath: "/proc/self/exe")
        ? URL(fileURLWithPath: "/proc/self/exe") : Bundle.main.executableURL!
      let arguments = RawArguments.current
      let folder = URL(fileURLWithPath: out)
      // The child's progress line may be half drawn when it crashes: start on a clean line.
      let say = { (line: String) in Terminal.error((Terminal.stderrIsTTY ? "\r\u{1B}[K" : "") + line) }
      let outcome = Supervisor.supervise(executable: executable, arguments: arguments, say: say) { keeping in
        OutputSink.removeStaleTemporaries(in: folder, keeping: keeping, ownedBy: getpid())
      }
      switch outcome {
      case .exited(let status):
        if status != 0 { throw ExitCode(status) }
        return
      case .signalled(let signal):
        // A crash was reported above; raising it here would only dump this process's core.
        if Supervisor.isCrash(signal) { throw ExitCode(128 + signal) }
        Interrupts.die(of: signal)
      case .unsupervised:
        if !quiet { Terminal.error("warning: no temporary folder for the crash report: a crash will stop the batch") }
        break supervise
      }
    }
    // Started through /proc/self/exe, the child would show as "exe" in ps and pgrep.
    InFlight.nameThread("baoxun")
    try runBatch()
  }

  /// Order matters: rules and the output folder are checked before anything is read, so a
  /// typo in `--out` costs no time; the interrupt cleanup is set up before any worker starts.
  func runBatch() throws {
    let issueDate = try parseDate(date)
    let book = try rules.load()
    let progress = Progress(enabled: !quiet && Terminal.stderrIsTTY)
    let pending = PendingOutput()
    let out = self.out
    Interrupts.onInterrupt { signal in
      progress.clear()
      let outcome: String
      if let sink = pending.sink {
        outcome =
          sink.abandon() > 0
          ? "no output written; files in '\(out)' left as they were"
          : "outputs were already complete"
      } else {
        outcome = "no output written"
      }
      Terminal.error("interrupted (signal \(signal)): \(outcome)")
    }
    // After the interrupt handling: the watcher thread must start with the signals blocked.
    Supervisor.watchSupervisor()
    // After a crash, the run before this one may have written part of the batch: its outputs
    // are taken over if its files still begin the listing (the listing comes first then).
    let resume = Supervisor.resumePoint()
    let settings = Checkpoint.fingerprint(arguments: RawArguments.current, rules: URL(fileURLWithPath: rules.rules))
    var files: [IssueFile] = []
    if resume != nil { files = try findIssues(paths) }
    let usable = resume.flatMap { $0.settings == settings && $0.begins(files) ? $0 : nil }
    let sink: OutputSink
    do {
      sink = try OutputSink(
        folder: URL(fileURLWithPath: out), format: format, bom: !noBom, resuming: usable,
        owner: Supervisor.owner)
      pending.sink = sink
    } catch {
      Terminal.error("error: \(error.description)")
      throw ExitCode(2)
    }
    if let resume {
      let reason =
        resume.settings != settings ? "the rules or options changed"
        : usable == nil ? "the files listed changed" : "its temporary files are gone"
      Terminal.error(
        sink.resumed
          ? "baoxun: going on after the \(resume.files) files already written"
          : "baoxun: the crashed run's outputs cannot be taken over (\(reason)): starting over")
    } else {
      do {
        files = try IssueFile.find(bytes: paths.map(RawArguments.bytes))
      } catch {
        sink.abandon()
        Terminal.error("error: \(error.message)")
        throw ExitCode(2)
      }
    }
    let batch = Batch(
      pipeline: Pipeline(book: book, usePrefilter: !noPrefilter), jobs: jobs, date: issueDate,
      setAside: Supervisor.setAside())
    let quiet = self.quiet
    let summary: BatchSummary
    // A supervisor killed meanwhile (kill -9) has ended the run: the outputs stay as they were.
    var orphaned = false
    do {
      summary = try batch.run(
        files, into: sink, resume: sink.resumed ? usable : nil,
        recorder: Supervisor.checkpointRecorder(settings: settings)
      ) { p in
        for problem in p.problems where !quiet || IssueStage.isFailure(problem.stage) {
          let severity = IssueStage.isFailure(problem.stage) ? "error" : "warning"
          progress.print("\(problem.issue): \(severity): \(problem.message)")
        }
        progress.update(p)
      }
      progress.clear()
      orphaned = Supervisor.isChild && !Supervisor.supervisorAlive
      if orphaned { sink.abandon() } else { try sink.commit() }
    } catch {
      progress.clear()
      sink.abandon()
      Terminal.error("error: \(error.description)")
      throw ExitCode(2)
    }
    if orphaned { throw ExitCode(2) }
    if !quiet { Terminal.error(summary.line + " → \(out)/") }
    if summary.failedFiles > 0 { throw ExitCode(1) }
  }
}

/// The output an interrupt must clean up, once it exists; set by the main thread, read by the
/// interrupt thread.
final class PendingOutput: @unchecked Sendable {
  private let lock = NSLock()
  private var value: OutputSink?

  var sink: OutputSink? {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}
