import Foundation
import Testing

/// `baoxun eval` must agree with the referee, shared/tools/score.py, on the same output.
@Suite(.serialized) struct EvalTests {
  let cli = CLITests()

  @Test func evalAgreesWithTheReferee() throws {
    let referee = CLITests.root.deletingLastPathComponent().appendingPathComponent("shared/tools/score.py")
    try #require(FileManager.default.fileExists(atPath: referee.path), "shared/tools/score.py not found beside the repository")
    let out = cli.tempDir()
    #expect(try cli.baoxun(["run", "Corpus", "--out", out.path, "--quiet"]).status == 0)
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", referee.path, "Corpus/gold", out.path, "--json"]
    python.currentDirectoryURL = CLITests.root
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    let theirs = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])["scores"] as? [String: [String: Any]]
    let ours = try cli.baoxun(["eval", "--gold", "Corpus/gold", "Corpus", "--json"])
    #expect(ours.status == 0, "\(ours.stderr)")
    let mine = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: [String: Any]])
    #expect(Set(mine.keys) == Set(theirs?.keys ?? [:].keys))
    for (kind, score) in theirs ?? [:] {
      for key in ["tp", "fp", "fn"] {
        #expect((score[key] as? Int) == (mine[kind]?[key] as? Int), "\(kind) \(key)")
      }
    }
  }

  @Test func evalPrintsScoresPerRecordType() throws {
    let r = try cli.baoxun(["eval", "--gold", "Corpus/gold", "Corpus/issues/000_a0d1a62f7fd3dcd1.txt"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("officials  P=1.000 R=1.000 F1=1.000 (tp=18 fp=0 fn=0)"))
    #expect(r.stdout.contains("amount_kind P="))
  }
}
