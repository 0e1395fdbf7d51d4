import ArgumentParser
import BaoxunKit
import Foundation

/// `baoxun number`: how the parser reads Chinese numbers, one TSV line per input.
struct NumberCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "number",
    abstract: "Read Chinese numbers and quantities; one TSV line per input.",
    discussion: """
      Columns: input, value, unit, qualifier, bound, high. With no TEXT, reads one input per \
      line from standard input. An input without a number gets an empty value.
      """)

  @Argument(help: "Texts to read; standard input, one per line, when none are given.")
  var text: [String] = []

  func run() throws {
    let out = FileHandle.standardOutput
    let write: ([UInt8]) -> Void = { out.write(Data($0)) }
    if text.isEmpty {
      NumberTSV.stream(next: { readLine(strippingNewline: true) }, write: write)
    } else {
      var inputs = text.makeIterator()
      NumberTSV.stream(next: { inputs.next() }, write: write)
    }
  }
}
