/// The post words (`书记`, `常务副县长`…) as a trie read from the last character back, so the
/// longest post a title ends with is found in one walk from its end, with no substring built.
struct PostWords: Sendable {
  /// For each node, its children by scalar; node 0 is the root.
  private var children: [[UInt32: Int32]] = [[:]]
  /// For each node, whether a post word ends there (begins there, read backwards).
  private var isWord: [Bool] = [false]

  init(_ words: [String]) {
    for word in words {
      var node = 0
      for s in word.unicodeScalars.reversed() {
        if let next = children[node][s.value] {
          node = Int(next)
        } else {
          children[node][s.value] = Int32(children.count)
          node = children.count
          children.append([:])
          isWord.append(false)
        }
      }
      if node != 0 { isWord[node] = true }
    }
  }

  /// The length in scalars of the longest post word `text` ends with, or nil.
  func longestSuffix(of text: ArraySlice<Unicode.Scalar>) -> Int? {
    var node = 0
    var depth = 0
    var longest: Int? = nil
    for s in text.reversed() {
      guard let next = children[node][s.value] else { break }
      node = Int(next)
      depth += 1
      if isWord[node] { longest = depth }
    }
    return longest
  }
}
