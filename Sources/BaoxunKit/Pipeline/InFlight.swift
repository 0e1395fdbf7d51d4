import Foundation

#if canImport(Glibc)
  import Glibc
#endif

#if os(Linux)
  /// The C struct, named apart from the `sigaction` function.
  typealias SignalAction = sigaction
#endif

/// Names the files being processed when the process dies of a crash (a trap in a stage, a bad
/// memory access), so an analyst knows which issue to set aside; the outputs of earlier runs
/// stay as they were, since nothing is renamed into place before a run completes.
///
/// A signal handler may only use async-signal-safe calls, so each worker keeps the path of its
/// file in a fixed slot of preallocated memory, and the handler writes those slots to stderr
/// with `write(2)` before handing the signal on (to Swift's backtracer, or the default action).
/// The handlers are installed on Linux, the platform baoxun is built and tested on.
public enum InFlight {
  static let slots = 64
  static let slotSize = 4096  // PATH_MAX
  /// Room for a line of the crash report or stderr: a path and a few words.
  static let lineSize = slotSize + 256
  nonisolated(unsafe) static let buffer: UnsafeMutablePointer<UInt8> = {
    // Slots 0..<slots hold the files in hand, the next `slots` the temporary files to delete.
    let b = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * slots * slotSize)
    b.initialize(repeating: 0, count: 2 * slots * slotSize)
    return b
  }()
  /// Where each worker's crash line is put together, so it goes out in one `write` and lines
  /// of threads crashing at once cannot interleave.
  nonisolated(unsafe) static let lines: UnsafeMutablePointer<UInt8> = {
    let b = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * lineSize)
    b.initialize(repeating: 0, count: slots * lineSize)
    return b
  }()
  /// The thread that holds each slot, so a crash names its own file. Raw memory, as `buffer`:
  /// workers write their own slots concurrently, which a Swift array would not allow.
  nonisolated(unsafe) static let owners: UnsafeMutablePointer<pthread_t> = {
    let o = UnsafeMutablePointer<pthread_t>.allocate(capacity: slots)
    o.initialize(repeating: 0, count: slots)
    return o
  }()

  /// Names the calling thread for the system (`ps`, `top -H`, backtraces; 15 bytes at most).
  /// Foundation's `Thread.name` may not reach the system thread when set early, and
  /// `pthread_setname_np` is not visible to Swift, so it is looked up at run time.
  public static func nameThread(_ name: String) {
    #if os(Linux)
      typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
      guard let symbol = dlsym(nil, "pthread_setname_np") else { return }
      _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), String(name.utf8.prefix(15))!)
    #endif
  }

  /// Runs `body` (a worker's loop) with a stack of its own for signal handlers: a worker that
  /// overflows its stack faults on the guard page, and without a second stack the handler
  /// could not run to name its file (checked by hand with a recursion planted in a stage: the
  /// file was set aside with the second stack, and the run gave up without it).
  public static func withSignalStack(_ body: () -> Void) {
    #if os(Linux)
      let size = 256 * 1024  // the handler and Swift's backtracer both run on it
      let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
      var stack = stack_t()
      stack.ss_sp = memory
      stack.ss_size = size
      sigaltstack(&stack, nil)
      defer {
        var off = stack_t()
        off.ss_flags = Int32(SS_DISABLE)
        sigaltstack(&off, nil)
        memory.deallocate()
      }
    #endif
    body()
  }

  /// Records that worker `slot` is processing the file at `path` (its full path).
  public static func begin(_ slot: Int, _ path: String) {
    guard slot >= 0 && slot < slots else { return }
    owners[slot] = pthread_self()
    copy(path, to: slot)
  }

  private static func copy(_ path: String, to slot: Int) {
    let start = buffer + slot * slotSize
    let bytes = Array(path.utf8.prefix(slotSize - 1))
    // The first byte goes in last: a crash while copying sees an empty slot, never a torn path.
    start[0] = 0
    for (k, b) in bytes.enumerated().dropFirst() { start[k] = b }
    start[bytes.count] = 0
    if let first = bytes.first { start[0] = first }
  }

  /// Temporary output files to delete if the process crashes, so the output folder is left
  /// exactly as the last complete run wrote it. Replaces any earlier list; `[]` clears it.
  public static func removeOnCrash(_ files: [URL]) {
    for slot in 0..<slots { buffer[(slots + slot) * slotSize] = 0 }
    for (slot, file) in files.prefix(slots).enumerated() { copy(file.path, to: slots + slot) }
  }

  /// Records that worker `slot` finished its file.
  public static func end(_ slot: Int) {
    guard slot >= 0 && slot < slots else { return }
    buffer[slot * slotSize] = 0
  }

  /// Installs the crash handlers once, before any worker starts.
  public static func install() {
    #if os(Linux)
      _ = installed
    #endif
  }

  /// The signals a crash raises; any other signal that ends a run came from outside.
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

  /// In a supervised run, the path of the supervisor's crash report, zero-terminated, copied
  /// before any crash so the handler needs no allocation; empty otherwise.
  nonisolated(unsafe) static let reportPath: UnsafeMutablePointer<CChar> = {
    let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotSize)
    p.initialize(repeating: 0, count: slotSize)
    let bytes = Array((Supervisor.isChild ? Supervisor.reportPath ?? "" : "").utf8.prefix(slotSize - 1))
    for (k, b) in bytes.enumerated() { p[k] = CChar(bitPattern: b) }
    return p
  }()

  #if os(Linux)
    /// The handlers installed before ours, by signal number (an array: a handler must not hash).
    nonisolated(unsafe) static var previous = [SignalAction](repeating: SignalAction(), count: 65)

    private static let installed: Bool = {
      // Everything the handler touches exists before any crash: a lazy global set up inside a
      // handler takes a lock and allocates.
      _ = (buffer, lines, owners, reportPath, crashSignals.count)
      for signal in crashSignals {
        var action = SignalAction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in
          InFlight.report(signal)
          InFlight.handOn(signal, info, context)
        }
        // SA_NODEFER: Swift's backtracer, called from ours, must be able to take (and recover
        // from) another fault while it reads memory; with the signal blocked the kernel would
        // kill the process halfway through the backtrace instead.
        action.sa_flags = SA_SIGINFO | SA_ONSTACK | Int32(SA_NODEFER)
        sigemptyset(&action.sa_mask)
        var old = SignalAction()
        sigaction(signal, &action, &old)
        previous[Int(signal)] = old
      }
      return true
    }()

    /// Deletes the temporary outputs, then names the crashing worker's file: in a supervised
    /// run as a `PATH NUL SIGNAL LF` entry of the supervisor's report (it says what happens
    /// next), else as `baoxun: crashed (signal N) while processing PATH` on stderr. A crash on
    /// a thread that holds no file (the writer, or a signal sent from outside) names none: no
    /// file is to blame, and the supervisor gives up rather than set an innocent one aside.
    static func report(_ signal: Int32) {
      for slot in slots..<(2 * slots) where buffer[slot * slotSize] != 0 {
        unlink(UnsafeRawPointer(buffer + slot * slotSize).assumingMemoryBound(to: CChar.self))
      }
      let supervised = reportPath[0] != 0
      let me = pthread_self()
      var own = 0
      while own < slots && !(buffer[own * slotSize] != 0 && owners[own] == me) { own += 1 }
      guard own < slots else {
        let words: StaticString = "baoxun: crashed outside any issue file: no output was replaced; please report it\n"
        if !supervised { _ = write(2, words.utf8Start, words.utf8CodeUnitCount) }
        return
      }
      // The line is put together in place, with plain loops: no closure, no allocation.
      let line = lines + own * lineSize
      let path = buffer + own * slotSize
      var n = 0
      if supervised {
        n = appendPath(path, to: line, at: n)
        line[n] = 0
        n = appendSignal(signal, to: line, at: n + 1)
        line[n] = 10
        let fd = open(reportPath, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        _ = write(fd, line, n + 1)
        close(fd)
        return
      }
      n = append("baoxun: crashed (signal ", to: line, at: n)
      n = appendSignal(signal, to: line, at: n)
      n = append(") while processing ", to: line, at: n)
      n = appendPath(path, to: line, at: n)
      n = append(": no output was replaced; set this file aside and run again, and please report it\n", to: line, at: n)
      _ = write(2, line, n)
    }

    /// Copies `count` bytes to `line` from `start`, as many as fit before `limit`, returning
    /// the new end.
    static func append(
      _ bytes: UnsafePointer<UInt8>, _ count: Int, to line: UnsafeMutablePointer<UInt8>, at start: Int, limit: Int
    ) -> Int {
      let n = min(count, limit - start)
      for k in 0..<max(n, 0) { line[start + k] = bytes[k] }
      return start + max(n, 0)
    }

    static func append(_ words: StaticString, to line: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
      append(words.utf8Start, words.utf8CodeUnitCount, to: line, at: start, limit: lineSize)
    }

    static func appendPath(_ path: UnsafeMutablePointer<UInt8>, to line: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
      // Room is kept for the words and signal that follow a path.
      append(path, strlen(UnsafeRawPointer(path).assumingMemoryBound(to: CChar.self)), to: line, at: start,
        limit: lineSize - 128)
    }

    static func appendSignal(_ signal: Int32, to line: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
      var n = start
      if signal >= 10 {
        line[n] = UInt8(truncatingIfNeeded: 48 + signal / 10)
        n += 1
      }
      line[n] = UInt8(truncatingIfNeeded: 48 + signal % 10)
      return n + 1
    }

    /// Passes the signal to whoever handled it before (Swift's backtracer prints the stack), then
    /// lets it end the process as it would have.
    static func handOn(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
      if signal >= 0 && signal < Int32(previous.count) {
        let old = previous[Int(signal)]
        if old.sa_flags & SA_SIGINFO != 0, let handler = old.__sigaction_handler.sa_sigaction {
          handler(signal, info, context)
        } else if let handler = old.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) != 1 {
          handler(signal)  // a plain handler; 1 is SIG_IGN, which must not swallow a crash
        }
      }
      var reset = SignalAction()
      sigemptyset(&reset.sa_mask)
      sigaction(signal, &reset, nil)
      raise(signal)
    }
  #endif
}
