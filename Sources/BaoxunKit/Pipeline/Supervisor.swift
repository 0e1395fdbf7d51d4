import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps a batch going when a file crashes baoxun. A crash (a trap in a stage, a bad memory
/// access) cannot be survived inside the process, so `baoxun run` runs the batch in a child
/// process: when the child dies of a crash, its crash handler has written which file it was
/// processing (`InFlight`), and the batch runs again with that file set aside, as a `crash` row
/// in `errors.csv`. Nothing is lost: outputs are only renamed into place by a run that finished.
public enum Supervisor {
  /// The supervisor's process id: a process started with it, by it, is the batch child.
  static let supervisorVariable = "BAOXUN_SUPERVISOR"
  /// Where the child's crash handler appends `PATH NUL SIGNAL LF` entries.
  static let reportVariable = "BAOXUN_CRASH_REPORT"
  /// Entries in the same form: the files the child must not process.
  static let setAsideVariable = "BAOXUN_SET_ASIDE"
  /// Where the child records its `Checkpoint` after each file.
  static let checkpointVariable = "BAOXUN_CHECKPOINT"
  /// The checkpoint of the run that crashed, for the next child to go on from.
  static let resumeVariable = "BAOXUN_RESUME"
  /// More crashes than this in one batch means something other than a file is wrong.
  public static let maxRestarts = 16

  /// How the supervised batch ended.
  public enum Outcome: Equatable, Sendable {
    /// The child exited with this status (its own errors and summary already printed).
    case exited(Int32)
    /// The child was ended by this signal: an interrupt, or a crash that was not on a file.
    case signalled(Int32)
    /// No child was started: the supervisor found no place for its crash report (a read-only
    /// temporary folder), and the batch should run in this process, unsupervised.
    case unsupervised
  }

  /// The process whose id names this run's temporary outputs: the supervisor, which outlives
  /// each batch child, or this process when unsupervised.
  public static var owner: pid_t { supervisorPID ?? getpid() }

  /// The supervisor named in the environment, if any.
  static let supervisorPID: pid_t? = ProcessInfo.processInfo.environment[supervisorVariable].flatMap { pid_t($0) }

  /// True in the child: a supervisor named itself in the environment. Whether it is still the
  /// parent is `supervisorAlive`; a child whose supervisor died before it even started must not
  /// take itself for a top-level run and commit outputs unwatched.
  public static let isChild: Bool = supervisorPID != nil

  /// True while the supervisor that started this child is alive; a child whose supervisor was
  /// killed must not go on to replace the outputs.
  public static var supervisorAlive: Bool { supervisorPID != nil && supervisorPID == getppid() }

  /// In the child: ends the batch like an interrupt (temporary outputs deleted, nothing
  /// replaced) as soon as the supervisor is gone, for instance killed with `kill -9`. Call it
  /// once SIGTERM is blocked and waited for, so the signal reaches the interrupt handling.
  public static func watchSupervisor() {
    guard isChild else { return }
    let watcher = Thread {
      while supervisorAlive { usleep(200_000) }
      if let report = reportPath {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: report).deletingLastPathComponent())
      }
      kill(getpid(), SIGTERM)
    }
    watcher.start()
  }

  /// The crash report path for `InFlight`, if this process is a supervised child.
  static var reportPath: String? { ProcessInfo.processInfo.environment[reportVariable] }

  /// In the child: the files earlier runs crashed on, by full path, with the `errors.csv`
  /// message for each.
  public static func setAside() -> [String: String] {
    guard isChild, let path = ProcessInfo.processInfo.environment[setAsideVariable],
      let data = FileManager.default.contents(atPath: path)
    else { return [:] }
    var files: [String: String] = [:]
    for entry in parse([UInt8](data)) {
      files[entry.path] =
        "baoxun crashed (signal \(entry.signal)) while processing this file, so it was set aside "
        + "and the batch run again without it: please report the file"
    }
    return files
  }

  /// In the child: where to record its progress after each file, so that a crash costs only
  /// the files not yet written.
  public static func checkpointRecorder(settings: UInt64) -> CheckpointFile? {
    guard isChild, let path = ProcessInfo.processInfo.environment[checkpointVariable] else { return nil }
    return CheckpointFile(path: path, settings: settings)
  }

  /// In the child: how far the run that crashed before it had written, if it wrote anything.
  public static func resumePoint() -> Checkpoint? {
    guard isChild, let path = ProcessInfo.processInfo.environment[resumeVariable],
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return Checkpoint([UInt8](data))
  }

  /// True for the signals a crash raises (as opposed to an interrupt or `kill`).
  public static func isCrash(_ signal: Int32) -> Bool { InFlight.crashSignals.contains(signal) }

  /// Runs `executable` with `arguments` (its own name first) as a supervised child until it
  /// ends other than by a crash on a file, starting it again without each file it crashed on.
  /// `say` gets one line per restart. `cleanUp` deletes the children's temporary outputs: after
  /// each crash, keeping those with the tag it is given (the ones the next run takes over from
  /// the crashed run's checkpoint), and with nil once the batch has ended, however it ended
  /// (what a `kill -9` of a child left, too). SIGINT, SIGTERM and SIGHUP sent to this process
  /// are passed on to the child, and one that comes between two runs ends the batch instead
  /// of a restart.
  public static func supervise(
    executable: URL, arguments: [[UInt8]], say: (String) -> Void, cleanUp: (_ keeping: String?) -> Void
  ) -> Outcome {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "baoxun-supervisor-\(getpid())-\(UUID().uuidString)")
    guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
      return .unsupervised
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("crashes")
    let setAsideFile = folder.appendingPathComponent("set-aside")
    let checkpointFile = folder.appendingPathComponent("checkpoint")
    let resumeFile = folder.appendingPathComponent("resume")
    guard FileManager.default.createFile(atPath: report.path, contents: Data()) else { return .unsupervised }
    // An inherited "ignore" would let the kernel reap the child before its status is read.
    signal(SIGCHLD, SIG_DFL)
    let forwarder = SignalForwarder()
    var setAside: [(path: String, signal: Int32)] = []
    // However the batch ends, no temporary output of its children is left: a run that committed
    // has renamed them, and any other end (interrupt, give-up, a child that failed to start
    // its resumed run) must not leave a crashed run's kept outputs behind.
    defer { cleanUp(nil) }
    while true {
      var list: [UInt8] = []
      for entry in setAside { list += Array(entry.path.utf8) + [0] + Array("\(entry.signal)\n".utf8) }
      guard FileManager.default.createFile(atPath: setAsideFile.path, contents: Data(list)),
        FileManager.default.createFile(atPath: report.path, contents: Data()),
        FileManager.default.createFile(atPath: checkpointFile.path, contents: Data())
      else {
        say("baoxun: cannot write in \(folder.path) to run the batch again: giving up, no output was replaced")
        return .exited(2)
      }
      let environment = ProcessInfo.processInfo.environment.merging([
        supervisorVariable: String(getpid()), reportVariable: report.path, setAsideVariable: setAsideFile.path,
        checkpointVariable: checkpointFile.path, resumeVariable: resumeFile.path,
      ]) { $1 }
      let status: Int32
      do {
        status = try forwarder.run(executable.path, arguments, environment)
      } catch {
        if let interrupt = forwarder.received { return .signalled(interrupt) }
        say("baoxun: could not run the batch: \(error)")
        return .exited(2)
      }
      // waitpid's status: the low seven bits are the signal that ended the child, if one did.
      let signal = status & 0x7F
      guard signal != 0 else { return .exited((status >> 8) & 0xFF) }
      if let interrupt = forwarder.received { return .signalled(interrupt) }
      guard isCrash(signal) else { return .signalled(signal) }
      let known = Set(setAside.map(\.path))
      let crashed = parse(FileManager.default.contents(atPath: report.path).map { [UInt8]($0) } ?? [])
        .filter { !known.contains($0.path) }
      guard !crashed.isEmpty, setAside.count + crashed.count <= maxRestarts else {
        say("baoxun: crashed (signal \(signal)) " + (crashed.isEmpty
          ? "outside any issue file: giving up, no output was replaced"
          : "on more than \(maxRestarts) files: giving up, no output was replaced"))
        return .signalled(signal)
      }
      // The next run goes on from the crashed run's checkpoint (a run that went on from one
      // records it again before it starts), or from the start.
      let checkpoint = FileManager.default.contents(atPath: checkpointFile.path)
        .flatMap { Checkpoint([UInt8]($0)) }.flatMap { $0.files > 0 ? $0 : nil }
      unlink(resumeFile.path)
      if let checkpoint, !FileManager.default.createFile(atPath: resumeFile.path, contents: Data(checkpoint.encoded)) {
        unlink(resumeFile.path)
      }
      let resumes = FileManager.default.fileExists(atPath: resumeFile.path)
      cleanUp(resumes ? checkpoint?.tag : nil)
      for entry in crashed {
        say("baoxun: crashed (signal \(entry.signal)) while processing \(entry.path): "
          + "running the batch again without it (it gets a row in errors.csv)")
        setAside.append(entry)
      }
    }
  }

  /// Reads `PATH NUL SIGNAL LF` entries: a path holds any byte but NUL, newlines included.
  static func parse(_ bytes: [UInt8]) -> [(path: String, signal: Int32)] {
    var entries: [(String, Int32)] = []
    var start = 0
    while let nul = bytes[start...].firstIndex(of: 0), let end = bytes[nul...].firstIndex(of: 10) {
      if let signal = Int32(String(decoding: bytes[(nul + 1)..<end], as: UTF8.self)) {
        entries.append((String(decoding: bytes[start..<nul], as: UTF8.self), signal))
      }
      start = end + 1
    }
    return entries
  }
}

/// Passes SIGINT, SIGTERM and SIGHUP on to the running child: the child cleans up its temporary
/// outputs and dies of the signal, and the supervisor then ends the same way. A signal that
/// comes while no child runs is kept, so the supervisor stops instead of starting another.
final class SignalForwarder: @unchecked Sendable {
  private let lock = NSLock()
  private var pid: pid_t = 0
  private var first: Int32 = 0

  /// The first of the signals that reached this process, if one did.
  var received: Int32? { lock.withLock { first == 0 ? nil : first } }

  init() {
    var set = InterruptSignals.set()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let waiter = Thread { [self] in
      var set = InterruptSignals.set()
      var signal: Int32 = 0
      while true {
        guard sigwait(&set, &signal) == 0 else { continue }
        lock.withLock {
          if first == 0 { first = signal }
          if pid > 0 { kill(pid, signal) }
        }
      }
    }
    waiter.start()
  }

  /// Runs `path` (as `arguments[0]`, with the rest) in `environment` to its end, forwarding
  /// the signals to it meanwhile, and returns its `waitpid` status. The child starts with no
  /// signal blocked and the forwarded ones at their default action. The child is waited for
  /// without being reaped, so no signal can be sent to a process id that was already reused.
  /// (Foundation's `Process` is not used: it did not notice a child that ended through Swift's
  /// crash backtracer.)
  func run(_ path: String, _ arguments: [[UInt8]], _ environment: [String: String]) throws(SpawnError) -> Int32 {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var defaults = InterruptSignals.set()
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    // The arguments' own bytes (`RawArguments`): a GBK path decoded and re-encoded would name
    // no file in the child.
    let argv = arguments.map { bytes in
      IssueWalk.withCPath(bytes) { strdup($0) }
    } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let started = lock.withLock {
      // An interrupt that came before this run ends the batch before it starts.
      guard first == 0 else { return EINTR }
      let rc = posix_spawn(&child, path, nil, &attributes, argv, envp)
      if rc == 0 { pid = child }
      return rc
    }
    guard started == 0 else { throw SpawnError(code: started) }
    var info = siginfo_t()
    while waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    lock.withLock { pid = 0 }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 {
      guard errno == EINTR else { throw SpawnError(code: errno) }
    }
    return status
  }

  struct SpawnError: Error, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
  }
}

/// The signals that stop a run from outside (Ctrl-C, `kill`, a closed terminal), which both
/// the supervisor and the batch wait for with `sigwait`.
public enum InterruptSignals {
  /// Less those the process was started ignoring (`nohup` ignores SIGHUP): a blocked signal is
  /// queued for `sigwait` even when ignored, and would stop the run.
  public static let all: [Int32] = [SIGINT, SIGTERM, SIGHUP].filter { !isIgnored($0) }

  static func isIgnored(_ signal: Int32) -> Bool {
    var current = sigaction()
    sigaction(signal, nil, &current)
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
  }

  /// `signals` as a set for `pthread_sigmask`, `sigwait` and `posix_spawn`.
  public static func set(_ signals: [Int32] = all) -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    return set
  }
}
