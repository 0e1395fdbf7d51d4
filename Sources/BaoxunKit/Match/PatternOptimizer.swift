/// The rewrites applied to each rule's expanded pattern before it is compiled. Each leaves what
/// the pattern matches unchanged and makes PCRE2 faster on Chinese text; the rule's written
/// pattern is still what errors, `explain` and the literal analysis refer to.
enum PatternOptimizer {
  static func optimize(_ pattern: String) -> String {
    AlternationFactoring.factor(ScriptRanges.expand(pattern))
  }
}
