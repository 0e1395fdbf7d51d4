/// Finds which of many short words occur in a run of scalars, in one pass: each scalar is looked
/// up in a small open-addressing table of the words' first scalars, and only on a hit are the
/// words starting with it compared in place. A Chinese character is one step here where a byte
/// automaton takes three, and the table (a few kilobytes) stays in the first-level cache, where
/// an Aho–Corasick transition table over UTF-8 bytes for the shipped rules' 400 literals did
/// not (it was most of the prefilter's time, spent waiting on memory).
struct LiteralFinder: Sendable {
  /// Slots of the first-scalar table: the scalar, or `empty`.
  private let keys: [UInt32]
  /// For each slot, the range of `words` (sorted by first scalar) that start with its scalar.
  private let firstWord: [Int32]
  private let endWord: [Int32]
  private let mask: Int
  /// The words' scalars after the first, back to back, with each word's place and id.
  private let tails: [UInt32]
  private let tailStart: [Int32]
  private let tailEnd: [Int32]
  private let ids: [Int32]

  private static let empty = UInt32.max

  init(_ words: [[Unicode.Scalar]]) {
    let order = words.indices.filter { !words[$0].isEmpty }.sorted {
      (words[$0][0].value, $0) < (words[$1][0].value, $1)
    }
    let firsts = Set(order.map { words[$0][0].value })
    var size = 16
    while size < firsts.count * 4 { size *= 2 }
    var keys = [UInt32](repeating: Self.empty, count: size)
    var firstWord = [Int32](repeating: 0, count: size)
    var endWord = [Int32](repeating: 0, count: size)
    var tails: [UInt32] = []
    var tailStart: [Int32] = []
    var tailEnd: [Int32] = []
    var ids: [Int32] = []
    for (k, w) in order.enumerated() {
      let first = words[w][0].value
      var slot = Self.slot(first, size - 1)
      while keys[slot] != Self.empty && keys[slot] != first { slot = (slot + 1) & (size - 1) }
      if keys[slot] == Self.empty {
        keys[slot] = first
        firstWord[slot] = Int32(k)
      }
      endWord[slot] = Int32(k + 1)
      tailStart.append(Int32(tails.count))
      tails += words[w].dropFirst().map(\.value)
      tailEnd.append(Int32(tails.count))
      ids.append(Int32(w))
    }
    self.keys = keys
    self.firstWord = firstWord
    self.endWord = endWord
    self.mask = size - 1
    self.tails = tails
    self.tailStart = tailStart
    self.tailEnd = tailEnd
    self.ids = ids
  }

  @inline(__always)
  private static func slot(_ scalar: UInt32, _ mask: Int) -> Int {
    Int((scalar &* 0x9E37_79B1) >> 16) & mask
  }

  /// Calls `found` with the id of a word and where it starts, at every place where it occurs
  /// in `text`, left to right.
  @inline(__always)
  func scan(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ found: (_ word: Int, _ at: Int) -> Void) {
    keys.withUnsafeBufferPointer { keys in
      tails.withUnsafeBufferPointer { tails in
        let n = text.count
        for i in 0..<n {
          let c = text[i].value
          var slot = Self.slot(c, mask)
          while keys[slot] != c {
            if keys[slot] == Self.empty { break }
            slot = (slot + 1) & mask
          }
          guard keys[slot] == c else { continue }
          for k in Int(firstWord[slot])..<Int(endWord[slot]) {
            let (start, end) = (Int(tailStart[k]), Int(tailEnd[k]))
            guard i + 1 + (end - start) <= n else { continue }
            var j = 0
            while start + j < end && tails[start + j] == text[i + 1 + j].value { j += 1 }
            if start + j == end { found(Int(ids[k]), i) }
          }
        }
      }
    }
  }

  /// The words that occur in `text`, each once, ascending (for tests and tools).
  func words(in text: [Unicode.Scalar]) -> [Int] {
    var seen = Set<Int>()
    text.withUnsafeBufferPointer { scan($0) { word, _ in seen.insert(word) } }
    return seen.sorted()
  }
}
