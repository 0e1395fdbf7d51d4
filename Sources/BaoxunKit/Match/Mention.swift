/// A span a rule matched in a sentence: ranges are Unicode-scalar offsets into the normalized
/// text, so they map back to the original file through its offset map.
public struct Mention: Sendable, Equatable {
  public var ruleID: String
  public var record: RecordType
  public var priority: Int
  public var range: Range<Int>
  public var text: String
  /// Named groups that took part in the match, with their text and scalar range.
  public var groups: GroupCaptures
  /// Constant fields from the rule's `set:`.
  public var set: [String: String]

  public func field(_ name: String) -> String? { groups[name]?.text ?? set[name] }

  /// The priority a match competes at when it took part in a `confirm` group: below any rule's
  /// usual priority, since the aggregator may still drop it.
  public static let unconfirmedPriority = 1
}

public struct GroupCapture: Sendable, Equatable {
  public var range: Range<Int>
  public var text: String
}

/// A match's named groups, looked up by name. A rule has a handful of fields, so a short list
/// searched in order beats a dictionary, which cost a hashed allocation per match.
public struct GroupCaptures: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
  private var entries: [(key: String, value: GroupCapture)] = []

  public init(dictionaryLiteral elements: (String, GroupCapture)...) {
    for (k, v) in elements { self[k] = v }
  }

  public subscript(name: String) -> GroupCapture? {
    get { entries.first { $0.key == name }?.value }
    set {
      entries.removeAll { $0.key == name }
      if let newValue { entries.append((name, newValue)) }
    }
  }

  public var isEmpty: Bool { entries.isEmpty }

  /// Sets a group found in a match: groups sharing a name (`DUPNAMES`) come in pattern order,
  /// and the last that took part wins.
  mutating func append(_ name: String, _ capture: GroupCapture) {
    if let i = entries.firstIndex(where: { $0.key == name }) {
      entries[i].value = capture
    } else {
      entries.append((name, capture))
    }
  }

  public func makeIterator() -> IndexingIterator<[(key: String, value: GroupCapture)]> {
    entries.makeIterator()
  }

  public static func == (a: GroupCaptures, b: GroupCaptures) -> Bool {
    a.entries.count == b.entries.count && a.entries.allSatisfy { b[$0.key] == $0.value }
  }
}

/// A match that lost an overlap, with the match that beat it and why: `explain` shows these.
public struct OverlapLoss: Sendable, Equatable {
  public enum Reason: String, Sendable { case priority, length, position }
  public var loser: Mention
  public var winner: Mention
  public var reason: Reason
}

/// A rule that hit PCRE2's match limit on a sentence: reported, never silently dropped.
public struct MatchFailure: Sendable, Equatable {
  public var ruleID: String
  public var sentence: Range<Int>
  public var message: String
}

public struct SentenceMatches: Sendable {
  public var kept: [Mention]
  public var lost: [OverlapLoss]
  public var failures: [MatchFailure]
}
