import Testing

@testable import BaoxunKit

@Suite struct RegexTests {
  @Test func namedGroupsAndByteRanges() throws {
    let r = try CompiledRegex(#"总投资(?<q>近|超)?(?<amount>[\d.]+亿元)"#)
    #expect(r.jitted)
    #expect(r.groupNames.map(\.name).sorted() == ["amount", "q"])
    let m = try r.matches(in: "这19个项目总投资近7.6亿元")
    #expect(m.count == 1)
    // 这19个项目 is 3 + 2 + 9 = 14 bytes; 总投资近7.6亿元 is 12 + 3 + 6 = 21 more.
    #expect(m[0].range == 14..<35)
  }

  @Test func unsetGroupIsAbsent() throws {
    let r = try CompiledRegex(#"(?<a>x)?y"#)
    let m = try r.matches(in: "y")
    #expect(m[0].groups.isEmpty)
  }

  @Test func hanScriptExcludesChinesePunctuation() throws {
    let r = try CompiledRegex(#"\p{sc=Han}+"#)
    #expect(try r.matches(in: "区委、区政府。").count == 2)
  }

  @Test func compileErrorGivesOffset() {
    #expect(throws: RegexError.self) { try CompiledRegex("总投资(?<amount>[0-9+") }
    do {
      _ = try CompiledRegex("abc(")
    } catch {
      guard case .compile(let message, let offset) = error else { Issue.record("wrong error"); return }
      #expect(offset == 4)
      #expect(message.contains("missing"))
    }
  }

  @Test func pathologicalPatternHitsTheMatchLimit() throws {
    // A required 'c' after the run defeats PCRE2's quick "required character" rejection.
    let r = try CompiledRegex("(a+)+c")
    let subject = Array((String(repeating: "a", count: 5000) + "dc").utf8)
    let scratch = MatchScratch(ovectorPairs: 4, matchLimit: 10_000)
    #expect(throws: RegexError.matchLimit) {
      try subject.withUnsafeBufferPointer { try r.matches(in: $0, scratch: scratch) }
    }
  }
}
