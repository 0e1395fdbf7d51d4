import Testing

@testable import BaoxunKit

@Suite struct RegexTests {
  @Test func namedGroupsAndScalarRanges() throws {
    let r = try CompiledRegex(#"总投资(?<q>近|超)?(?<amount>[\d.]+亿元)"#)
    #expect(r.jitted)
    #expect(r.groupNames.map(\.name).sorted() == ["amount", "q"])
    let m = try r.matches(in: "这19个项目总投资近7.6亿元")
    #expect(m.count == 1)
    // Offsets count characters, not UTF-8 bytes: 这19个项目 is 6, 总投资近7.6亿元 is 9 more.
    #expect(m[0].range == 6..<15)
    let amount = try #require(r.groupNames.first { $0.name == "amount" }?.number)
    #expect(m[0].groups[amount] == 10..<15)
  }

  /// With an offset limit, matches that start after it are not sought; one starting exactly
  /// there is found, and the limit does not stay on the scratch for the next search.
  @Test func searchStopsAtTheOffsetLimit() throws {
    let r = try CompiledRegex("书记\\p{sc=Han}")
    let scratch = MatchScratch()
    let text = Array("区委书记王明和县委书记李强".unicodeScalars).map(\.value)  // 书记 at 2 and 9
    func starts(_ limit: Int?) throws -> [Int] {
      var found: [Int] = []
      try text.withUnsafeBufferPointer { subject in
        try r.forEachMatch(in: subject, scratch: scratch, startingBy: limit) { found.append($0[0]) }
      }
      return found
    }
    #expect(try starts(9) == [2, 9])
    #expect(try starts(8) == [2])
    #expect(try starts(1) == [])
    #expect(try starts(nil) == [2, 9])
  }

  /// Group names are read from the 32-bit name table: a name in Chinese comes back whole.
  @Test func nonASCIIGroupNamesAreReadBack() throws {
    let r = try CompiledRegex(#"(?<金额>\d+)元(?<x>)"#)
    #expect(Set(r.groupNames.map(\.name)) == ["金额", "x"])
  }

  /// A compile error's offset counts characters of the pattern, as the rule diagnostics expect.
  @Test func compileErrorOffsetCountsCharacters() {
    do {
      _ = try CompiledRegex("总投资(")
      Issue.record("compiled")
    } catch {
      guard case .compile(_, let offset) = error else { Issue.record("wrong error"); return }
      #expect(offset == 4)
    }
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
    let subject = (String(repeating: "a", count: 5000) + "dc").unicodeScalars.map(\.value)
    let scratch = MatchScratch(ovectorPairs: 4, matchLimit: 10_000)
    #expect(throws: RegexError.matchLimit) {
      try subject.withUnsafeBufferPointer { try r.matches(in: $0, scratch: scratch) }
    }
  }
}
