import BaoxunKit
import Foundation

/// baoxun-bench: throughput of baoxun on a corpus built from `Corpus/`, in MB/s of input text
/// (UTF-8 bytes). One run reports the front end alone (the ceiling), the full pipeline on one
/// core and on all cores, the same without the prefilter, with the rules copied ten times, and
/// the peak resident memory.
///
///     swift build -c release && .build/release/baoxun-bench [--mb 50] [--jobs N]
///         [--corpus DIR] [--rules DIR] [--work DIR] [--per-rule] [--front] [--times N] [--keep]

let usage = """
  usage: baoxun-bench [--mb N] [--jobs N] [--corpus DIR] [--rules DIR] [--work DIR] [--per-rule] [--front] [--times N] [--keep]
    --mb N        build a corpus of at least N MB of text (default 50)
    --jobs N      threads for the all-cores runs (default: every core)
    --corpus DIR  where the issues are (default: the repository's Corpus/)
    --rules DIR   rules folder (default: the repository's Rules/)
    --work DIR    scratch folder for the corpus copies and outputs (default: a temporary folder)
    --per-rule    only print what each rule costs on one copy of the corpus
    --front       only measure decode, normalize and segment (for profiling them)
    --times N     only run the full pipeline on one core with the rules copied N times
    --keep        keep the scratch folder
  """

/// The repository root, found from this file's place: Benchmarks/Sources/baoxun-bench/main.swift.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

var options: [String: String] = [:]
var flags: Set<String> = []
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
  switch arg {
  case "--per-rule", "--front", "--keep": flags.insert(arg)
  case "--mb", "--jobs", "--corpus", "--rules", "--work", "--times":
    guard let value = args.popFirst() else { fatalError("\(arg) needs a value\n\(usage)") }
    options[arg] = value
  default:
    print(usage)
    exit(arg == "--help" || arg == "-h" ? 0 : 2)
  }
}

/// Prints at once, line by line, so a long run shows its figures as they come.
func log(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let megabytesWanted = Int(options["--mb"] ?? "50") ?? 50
let cores = Int(options["--jobs"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
let corpusFolder = URL(fileURLWithPath: options["--corpus"] ?? repoRoot.appendingPathComponent("Corpus").path)
let rulesFolder = URL(fileURLWithPath: options["--rules"] ?? repoRoot.appendingPathComponent("Rules").path)
let work = URL(fileURLWithPath: options["--work"]
  ?? (NSTemporaryDirectory() + "baoxun-bench-\(ProcessInfo.processInfo.processIdentifier)"))

do {
  let book = try RuleBook.load(from: rulesFolder)
  let wanted = flags.contains("--per-rule") ? 1 : megabytesWanted * 1_000_000
  let corpus = try BenchCorpus.build(from: corpusFolder, minimumBytes: wanted, in: work.appendingPathComponent("corpus"))
  /// Ends the run, removing the scratch folder unless asked to keep it.
  func finish(_ code: Int32) -> Never {
    if !flags.contains("--keep") { try? FileManager.default.removeItem(at: work) }
    exit(code)
  }
  if flags.contains("--per-rule") {
    print(RuleCosts.report(corpus, book: book), terminator: "")
    finish(0)
  }
  let mb = megabytes(corpus.utf8Bytes)
  let pinned = pinToCPUs(1)
  let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
  log("baoxun-bench \(date): \(corpus.sources.count) issues × \(corpus.copies) copies = "
    + "\(format(mb)) MB of text (UTF-8), \(corpus.files.count) files; \(book.rules.count) rules; "
    + "\(ProcessInfo.processInfo.activeProcessorCount) cores, all-cores runs use \(cores) threads")
  log("  (1-core figures run pinned to one CPU, the CSV writer thread included\(pinned ? "" : ": pinning FAILED"))")
  func rate(_ t: Timing) -> String {
    "\(format(mb / t.wall).leftPad(6)) MB/s  (\(format(t.wall, 2))s wall, \(format(t.cpu, 2))s CPU)"
  }
  func report(_ label: String, _ t: Timing) {
    log("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(rate(t))")
  }

  let front = Steps.frontEnd(corpus)
  let frontTotal = Timing(wall: front.decode.wall + front.normalize.wall + front.segment.wall,
    cpu: front.decode.cpu + front.normalize.cpu + front.segment.cpu)
  report("decode alone, 1 core", front.decode)
  report("normalize alone, 1 core", front.normalize)
  report("segment alone, 1 core", front.segment)
  report("decode+normalize+segment, 1 core (ceiling)", frontTotal)
  if flags.contains("--front") { finish(0) }
  if let times = options["--times"].flatMap(Int.init) {
    let (t, _) = try Steps.pipeline(corpus, book: try Steps.replicated(book, times: times), prefilter: true,
      jobs: 1, out: work.appendingPathComponent("out/times"))
    report("rules ×\(times), 1 core", t)
    finish(0)
  }

  let out = work.appendingPathComponent("out")
  /// One pipeline run: pinned to one CPU for `jobs == 1`, free on all CPUs otherwise.
  func run(_ book: RuleBook, prefilter: Bool, jobs: Int, _ name: String) throws -> (Timing, BatchSummary) {
    pinToCPUs(jobs == 1 ? 1 : nil)
    return try Steps.pipeline(corpus, book: book, prefilter: prefilter, jobs: jobs,
      out: out.appendingPathComponent(name))
  }
  let (one, summary) = try run(book, prefilter: true, jobs: 1, "prefilter-1")
  report("full pipeline, 1 core", one)
  let (all, _) = try run(book, prefilter: true, jobs: cores, "prefilter-n")
  report("full pipeline, \(cores) threads", all)
  let (oneNo, _) = try run(book, prefilter: false, jobs: 1, "no-prefilter-1")
  report("--no-prefilter, 1 core", oneNo)
  let (allNo, _) = try run(book, prefilter: false, jobs: cores, "no-prefilter-n")
  report("--no-prefilter, \(cores) threads", allNo)
  let ten = try Steps.replicated(book, times: 10)
  let (oneTen, _) = try run(ten, prefilter: true, jobs: 1, "ten-1")
  report("rules ×10 (\(ten.rules.count) rules), 1 core", oneTen)

  let identical = Steps.sameOutput(out.appendingPathComponent("prefilter-1"), out.appendingPathComponent("no-prefilter-1"))
    && Steps.sameOutput(out.appendingPathComponent("prefilter-1"), out.appendingPathComponent("prefilter-n"))
    && Steps.sameOutput(out.appendingPathComponent("prefilter-1"), out.appendingPathComponent("no-prefilter-n"))
  let peak = procStatusKB("VmHWM") ?? 0
  log("  records: \(summary.counts.values.reduce(0, +)) rows; identical with and without the prefilter "
    + "and for 1 and \(cores) threads: \(identical ? "yes" : "NO")")
  log("  peak resident memory (VmHWM) of this process: \(format(Double(peak) / 1024)) MB")
  log("targets:")
  func target(_ label: String, _ met: Bool, _ value: String) {
    log("  [\(met ? "met" : "NOT met")] \(label): \(value)")
  }
  let oneRate = mb / one.wall
  target("full pipeline on one core ≥ 40 MB/s", oneRate >= 40, "\(format(oneRate)) MB/s")
  let share = one.wall > 0 ? frontTotal.wall / one.wall * 100 : 0
  target("≥ 25 % of decode+normalize+segment alone", share >= 25, "\(format(share)) %")
  let tenRatio = oneTen.wall / one.wall
  target("rules ×10 costs < 2× the time", tenRatio < 2, "\(format(tenRatio, 2))×")
  let scale = one.wall / all.wall
  target("≥ 1.8× from one core to \(cores)", scale >= 1.8, "\(format(scale, 2))×")
  target("records identical with --no-prefilter", identical, identical ? "yes" : "no")
  finish(identical ? 0 : 1)
} catch {
  FileHandle.standardError.write(Data("baoxun-bench: \(error)\n".utf8))
  exit(1)
}
