import Testing

@testable import BaoxunKit

@Suite struct CSVWriterTests {
  @Test func rfc4180Quoting() {
    var out: [UInt8] = []
    CSVWriter.append(row: ["plain", "a,b", "say \"hi\"", "two\nlines", "中文"], to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",中文\r\n")
  }

  @Test func jsonlKeepsNumbersAndEscapes() {
    var out: [UInt8] = []
    JSONLWriter.append(row: ["a.txt", "1", "近7.6亿元", "760000000", "", "CNY", "近", "approx", "investment", "", "3", "9", "句\"子", "r"],
      table: .amounts, to: &out)
    let line = String(decoding: out, as: UTF8.self)
    #expect(line.hasPrefix("{\"type\":\"amount\",\"issue\":\"a.txt\",\"article\":1,"))
    #expect(line.contains("\"value\":760000000,"))
    #expect(line.contains("\"high\":\"\""))
    #expect(line.contains("\"sentence\":\"句\\\"子\""))
  }

  @Test func everyTableHasProvenanceColumns() {
    for table in Table.allCases where table != .errors {
      for column in ["issue", "article", "start", "end", "sentence", "rule"] {
        #expect(table.columns.contains(column), "\(table) lacks \(column)")
      }
    }
  }
}
