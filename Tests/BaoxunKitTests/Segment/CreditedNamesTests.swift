import Foundation
import Testing

@testable import BaoxunKit

/// Credited names (reporters, photographers, editors) are read anywhere in an issue, so the
/// aggregator never mistakes a reporter for an official.
@Suite struct CreditedNamesTests {
  @Test func readsEveryKindOfCredit() {
    let text = "本报讯（记者 阮伟康 陈书恒 通讯员 贾丹红）……图为施工现场。记者 张三 摄\n（编辑 王小明）"
    #expect(Set(Byline.creditedNames(in: text)) == ["阮伟康", "陈书恒", "贾丹红", "张三", "王小明"])
    #expect(Byline.creditedNames(in: "记者节到了，区委书记看望新闻工作者。").isEmpty)
  }

  /// The one-pass reader gives what reading the text once per role word gave, in the same order.
  @Test func onePassAgreesWithAPassPerRoleOnTheCorpus() throws {
    func perRole(_ text: String) -> [String] {
      let scalars = Array(text.unicodeScalars)
      var found: [String] = []
      for r in Byline.creditWords {
        var i = 0
        while i + r.count <= scalars.count {
          guard Array(scalars[i..<(i + r.count)]) == r else {
            i += 1
            continue
          }
          var j = i + r.count
          while j < scalars.count, j - i - r.count < 14, Byline.isNameScalar(scalars[j]) || scalars[j] == " " {
            j += 1
          }
          let chunk = scalars[(i + r.count)..<j]
          if chunk.first == " " || chunk.last == "摄" {
            found += Byline.names(inRoleList: String(String.UnicodeScalarView(scalars[i..<j]))).filter { $0.count <= 3 }
          }
          i = j
        }
      }
      return found
    }
    var compared = 0
    for file in try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path]) {
      let text = try Decoder.decode([UInt8](Data(contentsOf: file.url))).text
      let names = Byline.creditedNames(in: text)
      #expect(names == perRole(text), "\(file.display)")
      compared += names.count
    }
    #expect(compared > 20)
  }
}
