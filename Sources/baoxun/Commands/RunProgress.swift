import BaoxunKit
import Foundation

/// Files done, MB/s and time left on stderr, redrawn in place; only on a terminal, so logs and
/// pipes never see carriage returns. Problem lines are printed through it so they never land
/// in the middle of a progress line. Locked: the interrupt thread clears it too.
final class Progress: @unchecked Sendable {
  let enabled: Bool
  let started = Date()
  let lock = NSLock()
  var last = Date.distantPast
  var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  func update(_ p: BatchProgress) {
    lock.withLock {
      guard enabled, p.done == p.total || Date().timeIntervalSince(last) > 0.2 else { return }
      last = Date()
      let elapsed = max(Date().timeIntervalSince(started), 0.001)
      let rate = Double(p.bytes - p.resumedBytes) / elapsed
      let left = rate > 0 ? Double(p.totalBytes - p.bytes) / rate : 0
      let line = String(
        format: "\r\u{1B}[K%d/%d files  %.1f MB/s  %@ left", p.done, p.total, rate / 1_000_000,
        Self.duration(left))
      FileHandle.standardError.write(Data(line.utf8))
      drawn = true
    }
  }

  /// `42s`, `3m05s`, `1h02m`: short enough to redraw five times a second.
  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
    return String(format: "%dh%02dm", s / 3600, s / 60 % 60)
  }

  /// Prints a line above the progress line (which the next update redraws).
  func print(_ message: String) {
    lock.withLock {
      clearLocked()
      FileHandle.standardError.write(Data((message + "\n").utf8))
    }
  }

  func clear() { lock.withLock { clearLocked() } }

  private func clearLocked() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }
}
