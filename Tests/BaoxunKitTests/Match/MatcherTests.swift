import Foundation
import Testing

@testable import BaoxunKit

/// The matcher runs an issue rule by rule (for the processor's caches); what it finds must be
/// exactly what matching each sentence alone finds, with the prefilter and without.
@Suite struct MatcherTests {
  @Test(arguments: [true, false])
  func anIssueAtOnceMatchesLikeEachSentenceAlone(_ prefilter: Bool) throws {
    let book = try RuleBook.load(from: RepoPaths.rules)
    let pipeline = Pipeline(book: book, usePrefilter: prefilter)
    let (whole, single) = (pipeline.makeMatcher(), pipeline.makeMatcher())
    var mentions = 0
    for file in try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path]) {
      let text = try Decoder.decode([UInt8](Data(contentsOf: file.url))).text
      let normalized = Normalizer().normalize(text)
      let sentences = Segmenter().segment(normalized).flatMap(\.sentences)
      let together = whole.match(sentences, in: normalized)
      #expect(together.count == sentences.count)
      for (k, sentence) in sentences.enumerated() {
        let alone = single.match(sentence, in: normalized)
        #expect(together[k].kept == alone.kept, "\(file.display): \(sentence.text)")
        #expect(together[k].lost == alone.lost && together[k].failures == alone.failures)
        mentions += alone.kept.count
      }
    }
    #expect(mentions > 500)
  }
}
