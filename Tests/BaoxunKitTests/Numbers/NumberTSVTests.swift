import BaoxunKit
import Foundation
import Testing

/// The `baoxun number` line format and its streaming.
struct NumberTSVTests {
  @Test(arguments: [
    ("总投资近7.6亿元", "总投资近7.6亿元\t760000000\tCNY\t近\tapprox\t"),
    ("3亿至5亿元", "3亿至5亿元\t300000000\tCNY\t\t\t500000000"),
    ("一", "一\t1\t\t\t\t"),
    ("数百万", "数百万\t\t\t数\t\t"),
    ("没有数字", "没有数字\t\t\t\t\t"),
    ("2026年", "2026年\t\t\t\t\t"),
    ("十五五", "十五五\t\t\t\t\t"),
    ("0.000001", "0.000001\t0.000001\t\t\t\t"),
  ])
  func line(_ input: String, _ expected: String) {
    #expect(NumberParser.tsvLine(for: input) == expected)
  }

  @Test func tabsInInputDoNotBreakColumns() {
    let line = NumberParser.tsvLine(for: "共\t3人")
    #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 6)
  }

  @Test func streamWritesOneLinePerInput() {
    var inputs = ["5亿多元", "", "上千个"].makeIterator()
    var out: [UInt8] = []
    NumberTSV.stream(next: { inputs.next() }, write: { out.append(contentsOf: $0) })
    let lines = String(decoding: out, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[0] == "5亿多元\t500000000\tCNY\t多\tover\t")
    #expect(lines[1] == "\t\t\t\t\t")
    #expect(lines[2] == "上千个\t1000\titem\t上\tat_least\t")
  }
}
