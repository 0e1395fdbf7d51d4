/// The rewrites applied to each rule's expanded pattern before it is compiled. Each leaves what
/// the pattern matches unchanged and makes PCRE2 faster on Chinese text; the rule's written
/// pattern is still what errors, `explain` and the literal analysis refer to.
enum PatternOptimizer {
  /// `pattern` rewritten; `cache` remembers groups rewritten in earlier patterns of a rule book.
  static func optimize(_ pattern: String, cache: PatternCache? = nil) -> String {
    AlternationFactoring.factor(ScriptRanges.expand(pattern), cache: cache)
  }
}
