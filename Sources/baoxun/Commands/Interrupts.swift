import BaoxunKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Lets a run clean up when it is stopped (Ctrl-C, `kill`, a closed terminal) and then die of
/// the signal as usual, so shells and schedulers still see "interrupted".
///
/// The signals are blocked in the calling thread, and so in every thread it starts afterwards,
/// and one thread waits for them with `sigwait`: the cleanup then runs as ordinary code, not in
/// a signal handler, and may take locks. Call it before starting any worker thread.
enum Interrupts {
  static func onInterrupt(_ cleanup: @escaping @Sendable (Int32) -> Void) {
    var set = InterruptSignals.set()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let waiter = Thread {
      var set = InterruptSignals.set()
      var received: Int32 = 0
      while sigwait(&set, &received) != 0 {}
      cleanup(received)
      signal(received, SIG_DFL)
      var one = InterruptSignals.set([received])
      pthread_sigmask(SIG_UNBLOCK, &one, nil)
      raise(received)
      _exit(128 + received)  // not reached: the default action of these signals ends the process
    }
    waiter.start()
  }

  /// Ends this process by `signal`'s default action, as the child the supervisor ran ended, so
  /// a shell sees an interrupted or crashed run as such.
  static func die(of signal: Int32) -> Never {
    Foundation.signal(signal, SIG_DFL)
    var one = InterruptSignals.set([signal])
    pthread_sigmask(SIG_UNBLOCK, &one, nil)
    raise(signal)
    _exit(128 + signal)
  }
}
