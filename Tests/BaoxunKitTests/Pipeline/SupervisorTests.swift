import Testing

@testable import BaoxunKit

/// The crash report and set-aside lists the supervisor and its child exchange.
@Suite struct SupervisorTests {
  /// A path may hold any byte but NUL, newlines and tabs included; a torn last entry is dropped.
  @Test func entriesKeepPathsWithNewlines() {
    let bytes = Array("a/b\nc.txt".utf8) + [0] + Array("11\n".utf8) + Array("d\te.txt".utf8) + [0]
      + Array("4\n".utf8) + Array("torn".utf8) + [0] + Array("6".utf8)
    let entries = Supervisor.parse(bytes)
    #expect(entries.map(\.path) == ["a/b\nc.txt", "d\te.txt"])
    #expect(entries.map(\.signal) == [11, 4])
  }

  /// Outside a supervised run there is no child, nothing set aside and no report to write.
  @Test func unsupervisedProcessIsNotAChild() {
    #expect(!Supervisor.isChild)
    #expect(Supervisor.setAside().isEmpty)
    #expect(InFlight.reportPath[0] == 0)
  }
}
