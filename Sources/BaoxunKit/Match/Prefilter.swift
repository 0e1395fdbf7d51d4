/// Skips rules whose required literal is absent from a sentence. Rules without a literal always
/// run, so the records are the same with or without it; only the time differs.
final class Prefilter: Sendable {
  let always: [Int]
  let byLiteral: [(literal: String, rules: [Int])]

  init(_ rules: [Rule]) {
    var always: [Int] = []
    var map: [String: [Int]] = [:]
    for (i, rule) in rules.enumerated() {
      if rule.requiredLiterals.isEmpty {
        always.append(i)
      } else {
        for lit in rule.requiredLiterals { map[lit, default: []].append(i) }
      }
    }
    self.always = always
    byLiteral = map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  func candidates(in sentence: String) -> [Int] {
    var picked = always
    for entry in byLiteral where sentence.contains(entry.literal) { picked += entry.rules }
    return Array(Set(picked)).sorted()
  }
}
