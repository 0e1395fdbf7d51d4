import BaoxunKit
import Foundation
import Testing

/// Other projects' public Chinese-number vectors (`../shared/vectors` beside the repository),
/// read at run time as facts about what an input means.
///
/// Entry point: every scored input is a whole expression (a numeral, `12.5%`, `1000万元`), so it
/// goes through `NumberParser.parse` and its `value` is compared: in yuan for money, as the
/// number before `%` for percentages (our `percent` unit already holds that number).
struct VectorConformanceTests {
  struct Vector: Hashable {
    var file: String
    var input: String
    var expected: String
  }

  static let flags = ["DISPUTED", "NON-STANDARD", "AMBIGUOUS", "CONTEXT-DEPENDENT"]

  /// The README's scored subset: a single expected number, a numeric, percentage or yuan type,
  /// and no doubt flag in the notes.
  static func scored(file: String, line: String) -> (Vector, Double)? {
    let cols = line.components(separatedBy: "\t")
    guard cols.count >= 3 else { return nil }
    let (input, expected, type) = (cols[0], cols[1].trimmingCharacters(in: .whitespaces), cols[2])
    let notes = cols.count > 3 ? cols[3] : ""
    if flags.contains(where: notes.contains) { return nil }
    let typed =
      type.hasPrefix("number") || type == "percentage" || type == "Numeral"
      || type == "currency:Chinese yuan:CNY" || type.hasPrefix("money:元")
    guard typed else { return nil }
    let number =
      type == "percentage" && expected.hasSuffix("%")
      ? String(expected.dropLast()) : expected
    let numeric = !number.isEmpty && number.allSatisfy { "0123456789.eE+-".contains($0) }
    guard numeric, let value = Double(number) else { return nil }
    return (Vector(file: file, input: input, expected: expected), value)
  }

  static func matches(_ ours: Decimal?, _ expected: Double) -> Bool {
    guard let ours else { return false }
    let v = NSDecimalNumber(decimal: ours).doubleValue
    return abs(v - expected) <= 1e-6 * abs(expected) + 1e-12
  }

  static func knownDifferences() throws -> [Vector: String] {
    let url = TestPaths.numbersTestDirectory.appendingPathComponent(
      "vector-known-differences.tsv")
    let text = try String(contentsOf: url, encoding: .utf8)
    var known: [Vector: String] = [:]
    for line in text.split(separator: "\n").dropFirst() where !line.hasPrefix("#") {
      let cols = line.components(separatedBy: "\t")
      guard cols.count >= 5 else { continue }
      known[Vector(file: cols[0], input: cols[1], expected: cols[2])] = cols[4]
    }
    return known
  }

  @Test func sharedVectorsPassAtLeast98Percent() throws {
    guard let dir = TestPaths.sharedVectors else {
      Issue.record(
        """
        Shared vectors not found: expected ../shared/vectors beside the repository root \
        (\(TestPaths.repoRoot?.path ?? "root not found from \(#filePath)")).
        """)
      return
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".tsv") && $0 != "SOURCES.tsv" }.sorted()
    #expect(!files.isEmpty, "no vector files in \(dir.path)")
    let known = try Self.knownDifferences()
    var total = 0
    var passed = 0
    var unexpected: [String] = []
    var nowPassing: [String] = []
    for file in files {
      let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
        guard let (vector, expected) = Self.scored(file: file, line: String(line)) else {
          continue
        }
        total += 1
        let ours = NumberParser.parse(vector.input)?.value
        if Self.matches(ours, expected) {
          passed += 1
          if known[vector] != nil { nowPassing.append("\(file)\t\(vector.input)") }
        } else if known[vector] == nil {
          let got = ours?.plainString ?? "nil"
          unexpected.append("\(file)\t\(vector.input)\t\(vector.expected)\t\(got)")
        }
      }
    }
    let share = total == 0 ? 0 : Double(passed) / Double(total) * 100
    print(
      "Shared vectors (\(dir.path)): \(passed)/\(total) passed (\(String(format: "%.2f", share)) %)"
    )
    for v in nowPassing { print("Listed as a known difference but now passes: \(v)") }
    #expect(total > 0)
    #expect(share >= 98, "conformance \(share) % is below 98 %")
    #expect(
      unexpected.isEmpty,
      "vectors failing outside vector-known-differences.tsv:\n\(unexpected.joined(separator: "\n"))"
    )
  }
}

/// Locations the tests read, found from this file whether it is compiled from the repository or
/// through a symlinked scratch package.
enum TestPaths {
  static let numbersTestDirectory: URL =
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

  /// The nearest folder above this file holding `Package.swift` and `Sources/BaoxunKit`.
  static let repoRoot: URL? = {
    let fm = FileManager.default
    var dir = numbersTestDirectory
    while dir.path != "/" && !dir.path.isEmpty {
      var isDir: ObjCBool = false
      let hasPackage = fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
      let kit = dir.appendingPathComponent("Sources/BaoxunKit").path
      if hasPackage && fm.fileExists(atPath: kit, isDirectory: &isDir) && isDir.boolValue {
        return dir
      }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  static let sharedVectors: URL? = {
    guard let root = repoRoot else { return nil }
    let dir = root.deletingLastPathComponent().appendingPathComponent("shared/vectors")
    var isDir: ObjCBool = false
    let ok = FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir)
    return ok && isDir.boolValue ? dir : nil
  }()
}
