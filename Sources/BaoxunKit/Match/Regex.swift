import CPCRE2
import Foundation

/// Why a pattern could not be compiled or run; `offset` is in Unicode scalars of the expanded
/// pattern.
public enum RegexError: Error, Equatable, Sendable {
  case compile(message: String, offset: Int)
  case matchLimit
  case match(code: Int32, message: String)
}

/// A PCRE2 pattern compiled once with UTF, UCP and JIT, shared read-only between threads. It
/// uses PCRE2's 32-bit library: subjects are Unicode scalars, so match offsets are the scalar
/// offsets the rest of baoxun counts in, and the JIT compares whole characters instead of
/// decoding UTF-8 (the shipped rules ran 1.8 times faster on Chinese text).
public final class CompiledRegex: @unchecked Sendable {
  let code: OpaquePointer
  public let pattern: String
  /// Named capture groups with their group numbers.
  public let groupNames: [(name: String, number: Int)]
  public let captureCount: Int
  public let jitted: Bool

  public init(_ pattern: String) throws(RegexError) {
    let compiled = try Self.compile(pattern)
    code = compiled
    self.pattern = pattern
    jitted = pcre2_jit_compile_32(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    var count: UInt32 = 0
    pcre2_pattern_info_32(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
    captureCount = Int(count)
    groupNames = Self.readNameTable(compiled)
  }

  deinit { pcre2_code_free_32(code) }

  /// Compiles `pattern` only to see whether PCRE2 accepts it (no JIT): the check a rule's
  /// written pattern gets before its optimized form is used.
  public static func validate(_ pattern: String) throws(RegexError) {
    let compiled = try compile(pattern)
    pcre2_code_free_32(compiled)
  }

  private static func compile(_ pattern: String) throws(RegexError) -> OpaquePointer {
    var errorCode: Int32 = 0
    var errorOffset = 0
    let units = pattern.unicodeScalars.map(\.value)
    let compiled = units.withUnsafeBufferPointer { buffer in
      pcre2_compile_32(
        buffer.baseAddress, buffer.count, UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT),
        &errorCode, &errorOffset, nil)
    }
    guard let compiled else { throw .compile(message: pcre2Message(errorCode), offset: errorOffset) }
    return compiled
  }

  private static func readNameTable(_ code: OpaquePointer) -> [(name: String, number: Int)] {
    var count: UInt32 = 0
    var entrySize: UInt32 = 0
    var table: UnsafePointer<UInt32>? = nil
    pcre2_pattern_info_32(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
    pcre2_pattern_info_32(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
    pcre2_pattern_info_32(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
    guard let table, count > 0 else { return [] }
    var names: [(String, Int)] = []
    for i in 0..<Int(count) {
      // An entry is the group number, then the name, zero-terminated, one code unit a character.
      let entry = table + i * Int(entrySize)
      var name = String.UnicodeScalarView()
      var k = 1
      while k < Int(entrySize), entry[k] != 0, let scalar = Unicode.Scalar(entry[k]) {
        name.append(scalar)
        k += 1
      }
      names.append((String(name), Int(entry[0])))
    }
    return names
  }

  /// Every non-overlapping match in `subject` (Unicode scalar values), left to right, as scalar
  /// ranges. The values must be scalars: they are not checked again (PCRE2_NO_UTF_CHECK).
  public func matches(in subject: UnsafeBufferPointer<UInt32>, scratch: MatchScratch) throws(
    RegexError
  ) -> [RegexMatch] {
    var found: [RegexMatch] = []
    let pairs = min(Int(pcre2_get_ovector_count_32(scratch.matchData)), captureCount + 1)
    try forEachMatch(in: subject, scratch: scratch) { found.append(RegexMatch(ovector: $0, pairs: pairs)) }
    return found
  }

  /// Calls `body` with every non-overlapping match, left to right, as PCRE2's offset vector:
  /// scalar offsets in pairs, whole match first, -1 for a group that did not take part. Nothing
  /// is allocated per match, which is what the matcher's inner loop needs. The subject's values
  /// must be Unicode scalars (they are not checked again). PCRE2 sets the groups past the last
  /// one that took part to unset, so every pair up to the scratch's size can be read.
  /// With `startingBy`, only matches that start at or before that offset are sought (PCRE2's
  /// offset limit): the search stops there instead of trying every later place.
  @inline(__always)
  public func forEachMatch(
    in subject: UnsafeBufferPointer<UInt32>, scratch: MatchScratch, startingBy limit: Int? = nil,
    _ body: (UnsafeMutablePointer<Int>) -> Void
  ) throws(RegexError) {
    precondition(limit.map { $0 >= 0 } ?? true, "an offset limit cannot be negative")
    var start = 0
    let length = subject.count
    let last = min(length, limit ?? length)
    // PCRE2_UNSET (all bits set) when there is no limit: the context is the scratch's, reused.
    pcre2_set_offset_limit_32(scratch.context, limit ?? -1)
    let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
    let ovector = pcre2_get_ovector_pointer_32(scratch.matchData)!
    while start <= last, try matchOnce(base, length, from: start, scratch) {
      body(ovector)
      start = ovector[0] == ovector[1] ? ovector[1] + 1 : ovector[1]
    }
  }

  /// The first match in `scalars` only, for callers that need no more (a sentence's date):
  /// the caller's scalars are read in place, and nothing is searched past the first match.
  public func firstMatch(in scalars: [Unicode.Scalar]) throws(RegexError) -> RegexMatch? {
    try firstMatch(in: scalars[...])
  }

  /// True when the pattern matches somewhere in `scalars`, read in place (a line of a page).
  public func hasMatch(in scalars: ArraySlice<Unicode.Scalar>) throws(RegexError) -> Bool {
    try firstMatch(in: scalars) != nil
  }

  /// `firstMatch` on part of an array; offsets count from the slice's start.
  public func firstMatch(in scalars: ArraySlice<Unicode.Scalar>) throws(RegexError) -> RegexMatch? {
    let scratch = borrowScratch()
    defer { returnScratch(scratch) }
    var failure: RegexError? = nil
    let matched = scalars.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: UInt32.self) { subject -> Bool in
        do throws(RegexError) {
          return try matchOnce(subject.baseAddress ?? UnsafePointer(bitPattern: 4)!, subject.count, from: 0, scratch)
        } catch {
          failure = error
          return false
        }
      }
    }
    if let failure { throw failure }
    guard matched else { return nil }
    let pairs = min(Int(pcre2_get_ovector_count_32(scratch.matchData)), captureCount + 1)
    return RegexMatch(ovector: pcre2_get_ovector_pointer_32(scratch.matchData)!, pairs: pairs)
  }

  /// One match attempt from `start`; the offsets of a match are left in the scratch's ovector.
  /// The subject's values must be Unicode scalars (they are not checked again).
  @inline(__always)
  private func matchOnce(_ base: UnsafePointer<UInt32>, _ length: Int, from start: Int, _ scratch: MatchScratch)
    throws(RegexError) -> Bool
  {
    // pcre2_jit_match skips pcre2_match's argument checks; the options and limits are the same.
    let rc = jitted
      ? pcre2_jit_match_32(code, base, length, start, 0, scratch.matchData, scratch.context)
      : pcre2_match_32(code, base, length, start, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
    if rc == PCRE2_ERROR_NOMATCH { return false }
    if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT { throw .matchLimit }
    if rc < 0 { throw .match(code: rc, message: pcre2Message(rc)) }
    return true
  }

  /// Matches over a Swift string, for one-off checks (page furniture, tests). The match state
  /// is borrowed from a small pool kept with the pattern: creating it per call maps and unmaps a
  /// JIT stack each time, which was a visible share of segmenting. Offsets are in Unicode
  /// scalars of `text`.
  public func matches(in text: String) throws(RegexError) -> [RegexMatch] {
    let scratch = borrowScratch()
    defer { returnScratch(scratch) }
    let units = text.unicodeScalars.map(\.value)
    do {
      return try units.withUnsafeBufferPointer { buffer in try matches(in: buffer, scratch: scratch) }
    } catch let error as RegexError {
      throw error
    } catch {
      throw .match(code: 0, message: "\(error)")
    }
  }

  private let spareLock = NSLock()
  /// Match states not in use, each sized for this pattern with the default limits.
  private var spares: [MatchScratch] = []

  private func borrowScratch() -> MatchScratch {
    spareLock.lock()
    defer { spareLock.unlock() }
    return spares.popLast() ?? MatchScratch(ovectorPairs: captureCount + 1)
  }

  private func returnScratch(_ scratch: MatchScratch) {
    spareLock.lock()
    defer { spareLock.unlock() }
    if spares.count < 8 { spares.append(scratch) }
  }
}

/// One match: the whole span and each set capture group, as scalar ranges of the subject.
public struct RegexMatch: Sendable, Equatable {
  public var range: Range<Int>
  public var groups: [Int: Range<Int>]

  /// The match in PCRE2's offset vector: `pairs` pairs, whole match first, -1 for an unset group.
  init(ovector: UnsafeMutablePointer<Int>, pairs: Int) {
    range = ovector[0]..<ovector[1]
    groups = [:]
    for g in stride(from: 1, to: pairs, by: 1) where ovector[2 * g] >= 0 && ovector[2 * g + 1] >= ovector[2 * g] {
      groups[g] = ovector[2 * g]..<ovector[2 * g + 1]
    }
  }
}

/// Per-thread match state: match data, a match context with its limit, and a JIT stack large
/// enough for long repeats (the 32 KiB default fails on them).
public final class MatchScratch {
  let matchData: OpaquePointer
  let context: OpaquePointer
  let jitStack: OpaquePointer?

  public init(ovectorPairs: Int = 64, matchLimit: UInt32 = 100_000, jitStackBytes: Int = 4 << 20) {
    matchData = pcre2_match_data_create_32(UInt32(max(ovectorPairs, 1)), nil)!
    context = pcre2_match_context_create_32(nil)!
    pcre2_set_match_limit_32(context, matchLimit)
    pcre2_set_depth_limit_32(context, matchLimit)
    jitStack = pcre2_jit_stack_create_32(32 * 1024, jitStackBytes, nil)
    if let jitStack { pcre2_jit_stack_assign_32(context, nil, UnsafeMutableRawPointer(jitStack)) }
  }

  deinit {
    pcre2_match_data_free_32(matchData)
    pcre2_match_context_free_32(context)
    if let jitStack { pcre2_jit_stack_free_32(jitStack) }
  }
}

func pcre2Message(_ code: Int32) -> String {
  var buffer = [UInt32](repeating: 0, count: 256)
  let n = pcre2_get_error_message_32(code, &buffer, buffer.count)
  guard n > 0 else { return "PCRE2 error \(code)" }
  return String(String.UnicodeScalarView(buffer[0..<Int(n)].compactMap(Unicode.Scalar.init)))
}
