/// Finds which of many byte strings occur in a text in one pass (Aho–Corasick). The trie's
/// failure links are folded into a full transition table, so each byte of text costs one table
/// read and no branch on failure. Working on UTF-8 bytes is exact for Chinese literals because
/// UTF-8 never lets one character's bytes start inside another's.
struct AhoCorasick: Sendable {
  /// Table column of each byte value; bytes that occur in no pattern share column 0, which
  /// always leads back to the root.
  private let column: [Int32]
  /// One row per state: `[output, next for column 0, next for column 1, …]`, where `next`
  /// is the offset of the next state's row and `output` is an index into `outputs` or -1.
  private let table: [Int32]
  /// For each output index, the patterns that end at a state, its own and its suffixes'.
  let outputs: [[Int]]
  /// How many states the automaton has (the trie's nodes).
  let stateCount: Int

  init(_ patterns: [[UInt8]]) {
    var children: [[UInt8: Int32]] = [[:]]
    var ends: [[Int]] = [[]]
    var columnOf = [Int32](repeating: 0, count: 256)
    var columns: Int32 = 1
    for (p, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern {
        if columnOf[Int(byte)] == 0 {
          columnOf[Int(byte)] = columns
          columns += 1
        }
        if let next = children[state][byte] {
          state = Int(next)
        } else {
          children[state][byte] = Int32(children.count)
          state = children.count
          children.append([:])
          ends.append([])
        }
      }
      ends[state].append(p)
    }
    let width = Int(columns) + 1
    var next = [Int32](repeating: 0, count: children.count * width)
    var fail = [Int](repeating: 0, count: children.count)
    var order: [Int] = []
    order.reserveCapacity(children.count)
    for (byte, child) in children[0] {
      next[1 + Int(columnOf[Int(byte)])] = child
      order.append(Int(child))
    }
    var k = 0
    while k < order.count {  // breadth first: a state's failure state is always done before it
      let state = order[k]
      k += 1
      ends[state] = Array(Set(ends[state] + ends[fail[state]])).sorted()
      let row = state * width
      let failRow = fail[state] * width
      for c in 1..<width { next[row + c] = next[failRow + c] }
      for (byte, child) in children[state] {
        next[row + 1 + Int(columnOf[Int(byte)])] = child
        fail[Int(child)] = Int(next[failRow + 1 + Int(columnOf[Int(byte)])])
        order.append(Int(child))
      }
    }
    var outputIndex: [[Int]: Int32] = [:]
    var outputs: [[Int]] = []
    var table = [Int32](repeating: 0, count: children.count * width)
    for state in 0..<children.count {
      let row = state * width
      for c in 1..<width { table[row + c] = next[row + c] * Int32(width) }
      if ends[state].isEmpty {
        table[row] = -1
      } else if let known = outputIndex[ends[state]] {
        table[row] = known
      } else {
        table[row] = Int32(outputs.count)
        outputIndex[ends[state]] = Int32(outputs.count)
        outputs.append(ends[state])
      }
    }
    self.column = columnOf.map { $0 + 1 }
    self.table = table
    self.outputs = outputs
    self.stateCount = children.count
  }

  /// Calls `found` with an index into `outputs` at every place where some pattern ends.
  @inline(__always)
  func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
    table.withUnsafeBufferPointer { table in
      column.withUnsafeBufferPointer { column in
        var row = 0
        for byte in text {
          row = Int(table[row + Int(column[Int(byte)])])
          let output = table[row]
          if output >= 0 { found(Int(output)) }
        }
      }
    }
  }

  /// The patterns that occur in `text`, each once, in ascending order (for tests and tools).
  func patterns(in text: [UInt8]) -> [Int] {
    var seen = Set<Int>()
    text.withUnsafeBufferPointer { buffer in
      scan(buffer) { seen.formUnion(outputs[$0]) }
    }
    return seen.sorted()
  }
}
