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
  /// Where the child's crash handler appends `PATH<TAB>SIGNAL` lines.
  static let reportVariable = "BAOXUN_CRASH_REPORT"
  /// A file of `PATH<TAB>SIGNAL` lines: the files the child must not process.
  static let setAsideVariable = "BAOXUN_SET_ASIDE"
  /// More crashes than this in one batch means something other than a file is wrong.
  public static let maxRestarts = 16

  /// How the supervised batch ended.
  public enum Outcome: Equatable, Sendable {
    /// The child exited with this status (its own errors and summary already printed).
    case exited(Int32)
    /// The child was ended by this signal: an interrupt, or a crash that was not on a file.
    case signalled(Int32)
  }

  /// True in the child: the supervisor put its report path in the environment.
  public static var isChild: Bool { ProcessInfo.processInfo.environment[reportVariable] != nil }

  /// The crash report path for `InFlight`, if this process is a supervised child.
  static var reportPath: String? { ProcessInfo.processInfo.environment[reportVariable] }

  /// In the child: the files earlier runs crashed on, by full path, with the `errors.csv`
  /// message for each.
  public static func setAside() -> [String: String] {
    guard let path = ProcessInfo.processInfo.environment[setAsideVariable],
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return [:] }
    var files: [String: String] = [:]
    for entry in parse(text) {
      files[entry.path] =
        "baoxun crashed (signal \(entry.signal)) while processing this file, so it was set aside "
        + "and the batch run again without it: please report the file"
    }
    return files
  }

  /// Runs `executable arguments` as a supervised child until it ends other than by a crash on
  /// a file, starting it again without each file it crashed on. `say` gets one line per
  /// restart; `cleanUp` runs whenever a child dies of a signal (to delete what a `kill -9`
  /// left). SIGINT, SIGTERM and SIGHUP sent to this process are passed on to the child.
  public static func supervise(
    executable: URL, arguments: [String], say: (String) -> Void, cleanUp: () -> Void
  ) -> Outcome {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "baoxun-supervisor-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("crashes")
    let setAsideFile = folder.appendingPathComponent("set-aside")
    let forwarder = SignalForwarder()
    var setAside: [(path: String, signal: Int32)] = []
    while true {
      let list = setAside.map { "\($0.path)\t\($0.signal)\n" }.joined()
      try? Data(list.utf8).write(to: setAsideFile)
      try? Data().write(to: report)
      let environment = ProcessInfo.processInfo.environment.merging([
        reportVariable: report.path, setAsideVariable: setAsideFile.path,
      ]) { $1 }
      let status: Int32
      do {
        status = try forwarder.run(executable.path, [executable.path] + arguments, environment)
      } catch {
        say("baoxun: could not start the batch process: \(error)")
        return .exited(2)
      }
      // waitpid's status: the low seven bits are the signal that ended the child, if one did.
      let signal = status & 0x7F
      guard signal != 0 else { return .exited((status >> 8) & 0xFF) }
      cleanUp()
      guard InFlight.crashSignals.contains(signal) else { return .signalled(signal) }
      let known = Set(setAside.map(\.path))
      let crashed = ((try? String(contentsOf: report, encoding: .utf8)).map(parse) ?? [])
        .filter { !known.contains($0.path) }
      guard !crashed.isEmpty, setAside.count + crashed.count <= maxRestarts else {
        say("baoxun: crashed (signal \(signal)) " + (crashed.isEmpty
          ? "outside any issue file: giving up, no output was replaced"
          : "on more than \(maxRestarts) files: giving up, no output was replaced"))
        return .signalled(signal)
      }
      for entry in crashed {
        say("baoxun: crashed (signal \(entry.signal)) while processing \(entry.path): "
          + "running the batch again without it (it gets a row in errors.csv)")
        setAside.append(entry)
      }
    }
  }

  static func parse(_ text: String) -> [(path: String, signal: Int32)] {
    text.split(separator: "\n").compactMap { line in
      guard let tab = line.lastIndex(of: "\t"), let signal = Int32(line[line.index(after: tab)...]) else {
        return nil
      }
      return (String(line[..<tab]), signal)
    }
  }
}

/// Passes SIGINT, SIGTERM and SIGHUP on to the running child: the child cleans up its temporary
/// outputs and dies of the signal, and the supervisor then ends the same way.
final class SignalForwarder: @unchecked Sendable {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  private let lock = NSLock()
  private var pid: Int32 = 0

  init() {
    var set = Self.signalSet()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let waiter = Thread { [self] in
      var set = Self.signalSet()
      var received: Int32 = 0
      while true {
        guard sigwait(&set, &received) == 0 else { continue }
        let child = lock.withLock { pid }
        if child > 0 { kill(child, received) }
      }
    }
    waiter.start()
  }

  /// Runs `path` with `arguments` and `environment` to its end, forwarding the signals to it
  /// meanwhile, and returns its `waitpid` status. The child starts with no signal blocked and
  /// the forwarded ones at their default action. (Foundation's `Process` is not used: it did
  /// not notice a child that ended through Swift's crash backtracer.)
  func run(_ path: String, _ arguments: [String], _ environment: [String: String]) throws(SpawnError) -> Int32 {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var defaults = Self.signalSet()
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let started = lock.withLock {
      let rc = posix_spawn(&child, path, nil, &attributes, argv, envp)
      if rc == 0 { pid = child }
      return rc
    }
    guard started == 0 else { throw SpawnError(code: started) }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    lock.withLock { pid = 0 }
    return status
  }

  struct SpawnError: Error, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
  }

  static func signalSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    return set
  }
}
