import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Wall time and CPU time of one measured step. CPU time is reported beside wall time because
/// this machine is shared: other processes stretch wall time but not the CPU time a step used.
struct Timing {
  var wall: Double
  var cpu: Double

  /// Runs `body` once and measures it.
  static func of(_ body: () throws -> Void) rethrows -> Timing {
    let (w0, c0) = (now(), cpuSeconds())
    try body()
    return Timing(wall: now() - w0, cpu: cpuSeconds() - c0)
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// User plus system time of the whole process, all threads.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}

/// Reads a `Vm…:` line of /proc/self/status in kB: VmHWM is the peak resident set so far.
func procStatusKB(_ field: String) -> Int? {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
    return Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
  }
  return nil
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }

func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }

/// Restricts this thread, and the threads it starts from now on, to the first `count` CPUs
/// (all of them when nil), so "one core" means one: without it the CSV writer of a one-worker
/// batch runs on a second core beside the worker. glibc's `sched_setaffinity` is not imported
/// into Swift (it needs _GNU_SOURCE), so it is looked up by name. Returns false when that fails.
@discardableResult
func pinToCPUs(_ count: Int?) -> Bool {
  typealias SetAffinity = @convention(c) (Int32, Int, UnsafeRawPointer) -> Int32
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity") else { return false }
  let setAffinity = unsafeBitCast(symbol, to: SetAffinity.self)
  let cpus = count ?? 1024
  var mask = [UInt64](repeating: 0, count: 16)  // 1024 CPUs, the size of glibc's cpu_set_t
  for c in 0..<min(cpus, 1024) { mask[c / 64] |= 1 << UInt64(c % 64) }
  return mask.withUnsafeBytes { setAffinity(0, $0.count, $0.baseAddress!) } == 0
}
